import {
  Button,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Area } from '#core/contracts/api.js';
import { api } from '../api/endpoints.js';
import { researchPaths } from '../routes.js';
import { AppLink } from './AppLink.js';
import { AreaView } from './AreaView.js';
import { ErrorBar } from './ErrorBar.js';
import { describeRole } from './SignIn.js';
import { useLoad } from './use-load.js';
import { referralApi, type MyReferral } from '../api/referrals.js';
import { londonToday } from '../format/dates.js';
import { MyReferrals } from './referrals/MyReferrals.js';
import { ReferCase } from './referrals/form/ReferCase.js';
import { ReferralQueue } from './referrals/ReferralQueue.js';
import { emptyDraft, type ReferralDraft } from './referrals/form/referral-draft.js';
import { fromForm } from './referrals/form/to-form.js';

type View = 'meetings' | 'referrals' | 'refer' | 'mine';

/** The Teams meeting side panel is 320 px wide: the areas go above the screen, not beside it. */
const NARROW = '@media (max-width: 640px)';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: '8px 16px',
    padding: '10px 24px',
    [NARROW]: { padding: '8px 12px' },
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  appTitle: { margin: 0 },
  grow: { flexGrow: 1 },
  body: { display: 'flex', alignItems: 'flex-start', [NARROW]: { flexDirection: 'column' } },
  nav: {
    width: '240px',
    flexShrink: 0,
    padding: '16px 8px 16px 12px',
    [NARROW]: { width: 'auto', alignSelf: 'stretch', padding: '8px 12px 0' },
  },
  tab: { justifyContent: 'flex-start', textAlign: 'left' },
  navHeading: { margin: '0 0 8px 10px', fontSize: tokens.fontSizeBase300 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: '16px 24px 48px 8px',
    [NARROW]: { alignSelf: 'stretch', padding: '8px 8px 48px' },
  },
  views: { marginBottom: '12px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Signed in: the areas this user may see, and the chosen area's schedule. Sign out is offered with
 * the development sign-in only (inside Teams or Outlook the person is the host's signed-in user).
 */
export function CoordinatorScreen({ onSignOut }: { onSignOut?: () => void }) {
  const styles = useStyles();
  const me = useLoad(() => api.me(), []);
  const areas = useLoad(() => api.areas(), []);
  // Coming back from an agenda (`/?area=...`), the area the person was looking at.
  const [selected, setSelected] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('area'),
  );
  const [view, setView] = useState<View>('meetings');
  const [draft, setDraft] = useState<ReferralDraft | null>(null);
  const mine = useLoad(() => referralApi.mine(), []);

  const replaceArea = (updated: Area) =>
    areas.setData((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)));

  // The chosen area, or the first one until the user chooses (also if the chosen one went away).
  const area = areas.data?.find((a) => a.id === selected) ?? areas.data?.[0] ?? null;
  const myRoles = me.data?.roles.filter((r) => r.areaId === area?.id).map((r) => r.role) ?? [];
  const coordinates = myRoles.includes('coordinator') || myRoles.includes('admin');
  // Anyone with a role other than observer in an area may refer a case there.
  const referAreas = (areas.data ?? []).filter((a) =>
    me.data?.roles.some((r) => r.areaId === a.id && r.role !== 'observer'),
  );
  const shown: View = view === 'referrals' && !coordinates ? 'meetings' : view;
  const today = londonToday();
  const referArea = referAreas.find((a) => a.id === area?.id)?.id ?? referAreas[0]?.id ?? '';
  // One blank form per area until the person types; kept, so its draft key stays the same.
  const blank = useMemo(() => emptyDraft(referArea, today), [referArea, today]);
  const currentDraft = draft ?? blank;
  const setCurrentDraft = (next: ReferralDraft | ((d: ReferralDraft) => ReferralDraft)) =>
    setDraft((d) => (typeof next === 'function' ? next(d ?? currentDraft) : next));
  const continueReferral = async (item: MyReferral) => {
    const { form, asWritten } = await referralApi.toContinue(item.id);
    setDraft(fromForm(form, item.id, today, asWritten));
    setView('refer');
  };

  return (
    <>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.appTitle}>
          MARAC
        </Title3>
        {me.data?.roles.some((r) => r.role === 'rep') && (
          // A rep of any agency: the research their agencies owe, across every area.
          <AppLink href={researchPaths.mine()}>My research</AppLink>
        )}
        <span className={styles.grow} />
        {me.data && (
          <Text>
            Signed in as <Text weight="semibold">{me.data.name}</Text>
            {myRoles.length > 0 && (
              <span className={styles.muted}> · {myRoles.map(describeRole).join(', ')}</span>
            )}
          </Text>
        )}
        {onSignOut && <Button onClick={onSignOut}>Sign out</Button>}
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-labelledby="areas-heading">
          <h2 id="areas-heading" className={styles.navHeading}>
            Areas
          </h2>
          {areas.loading && !areas.data && <Spinner size="small" label="Loading areas" />}
          {areas.data && areas.data.length === 0 && (
            <Text className={styles.muted}>You have no MARAC areas yet.</Text>
          )}
          {areas.data && areas.data.length > 0 && (
            <TabList
              vertical
              aria-label="Areas"
              selectedValue={area?.id}
              onTabSelect={(_, d) => setSelected(String(d.value))}
            >
              {areas.data.map((a) => (
                <Tab key={a.id} value={a.id} className={styles.tab}>
                  {a.name}
                </Tab>
              ))}
            </TabList>
          )}
        </nav>
        <main className={styles.main}>
          <ErrorBar error={me.error ?? areas.error} title="Your areas could not be loaded" />
          {area && me.data && (
            <TabList
              className={styles.views}
              aria-label="Screens"
              selectedValue={shown}
              onTabSelect={(_, d) => setView(d.value as View)}
            >
              <Tab value="meetings">Meetings</Tab>
              {coordinates && <Tab value="referrals">Referrals</Tab>}
              {referAreas.length > 0 && <Tab value="refer">Refer a case</Tab>}
              <Tab value="mine">My referrals</Tab>
            </TabList>
          )}
          {area && me.data && shown === 'referrals' && <ReferralQueue key={area.id} area={area} />}
          {me.data && shown === 'refer' && referAreas.length > 0 && (
            <ReferCase
              key={currentDraft.draftKey}
              me={me.data}
              areas={referAreas}
              today={today}
              draft={currentDraft}
              setDraft={setCurrentDraft}
              onSaved={mine.reload}
            />
          )}
          {shown === 'mine' && (
            <MyReferrals
              items={mine.data}
              loading={mine.loading}
              error={mine.error}
              onContinue={continueReferral}
            />
          )}
          {area && me.data && shown === 'meetings' && (
            <AreaView
              key={area.id}
              area={area}
              me={me.data}
              onAreaChanged={replaceArea}
              onAreasStale={areas.reload}
            />
          )}
        </main>
      </div>
    </>
  );
}
