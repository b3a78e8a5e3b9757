import { dashboardPath, dataReturnPath, recodePath, subjectAccessPath } from '../routes.js';
import { AppLink } from './AppLink.js';
import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Area, Me } from '#core/contracts/api.js';
import { api, canEdit } from '../api/endpoints.js';
import { londonToday } from '../format/dates.js';
import { AgenciesSection } from './AgenciesSection.js';
import { AgendaWarnings } from './agenda/AgendaWarnings.js';
import { OverdueActionsSection } from './chasing/OverdueActionsSection.js';
import { TwelveMonthCasesSection } from './chasing/TwelveMonthCasesSection.js';
import { MeetingsSection } from './MeetingsSection.js';
import { ProtocolSection } from './ProtocolSection.js';
import { ResearchSettingsSection } from './research/ResearchSettingsSection.js';
import { SeriesSection } from './SeriesSection.js';
import { useLoad } from './use-load.js';

const useStyles = makeStyles({
  title: { display: 'block', margin: '4px 0 2px' },
  sub: { display: 'block', color: tokens.colorNeutralForeground3, marginBottom: '16px' },
});

export interface AreaViewProps {
  area: Area;
  me: Me;
  onAreaChanged: (area: Area) => void;
  onAreasStale: () => void;
}

/** One area: protocol, Outlook series, coming meetings and agencies. */
export function AreaView({ area, me, onAreaChanged, onAreasStale }: AreaViewProps) {
  const styles = useStyles();
  const editable = canEdit(me, area.id);
  // The research settings are the coordinator's (the route says so too).
  const coordinates = me.roles.some((r) => r.areaId === area.id && r.role === 'coordinator');
  // Chasing after the meeting: the coordinator who chases and the chair who answers for it.
  const chases = me.roles.some(
    (r) => r.areaId === area.id && (r.role === 'coordinator' || r.role === 'chair'),
  );
  // The dashboard: the coordinator, the chair (who reports to the board) and an admin.
  const reads = me.roles.some(
    (r) => r.areaId === area.id && ['coordinator', 'chair', 'admin'].includes(r.role),
  );
  // The SafeLives data return: the coordinator who makes it and an admin (the route says so too).
  const returns = me.roles.some(
    (r) => r.areaId === area.id && ['coordinator', 'admin'].includes(r.role),
  );
  const meetings = useLoad(() => api.meetings(area.id, londonToday()), [area.id]);

  const areaChanged = (updated: Area) => {
    onAreaChanged(updated);
    // A new protocol or a new series changes the dates and deadlines of coming meetings.
    meetings.reload();
  };

  return (
    <>
      <Title2 as="h2" className={styles.title}>
        {area.name}
      </Title2>
      <Text className={styles.sub}>
        {editable
          ? 'You coordinate this area: you can change its schedule and agency reps.'
          : 'You can see this area’s schedule; only its coordinator can change it.'}
      </Text>
      {reads && (
        <Text as="p" className={styles.sub}>
          <AppLink href={dashboardPath(area.id)}>Dashboard</AppLink>: volume, repeats, referrals,
          research and actions against SafeLives&apos; benchmarks.
        </Text>
      )}
      {returns && (
        <Text as="p" className={styles.sub}>
          <AppLink href={dataReturnPath(area.id)}>Data return</AppLink>: the quarterly SafeLives
          figures of each meeting, as CSV or Excel.
        </Text>
      )}
      {coordinates && (
        <Text as="p" className={styles.sub}>
          <AppLink href={subjectAccessPath(area.id)}>Subject access</AppLink>: everything held about
          one person who asks, as a PDF for the partnership to review.
        </Text>
      )}
      {coordinates && (
        // A plain link: counting what is left decrypts every referral of the area.
        <Text as="p" className={styles.sub}>
          <AppLink href={recodePath(area.id)}>Recode ethnicity and sexuality</AppLink>: referrals
          written in words before the form offered the data return&apos;s categories.
        </Text>
      )}
      {editable && <AgendaWarnings areaId={area.id} />}
      {chases && <OverdueActionsSection areaId={area.id} />}
      {chases && <TwelveMonthCasesSection areaId={area.id} />}
      <ProtocolSection area={area} editable={editable} onSaved={areaChanged} />
      {coordinates && <ResearchSettingsSection areaId={area.id} />}
      <SeriesSection area={area} editable={editable} onCreated={areaChanged} />
      <MeetingsSection
        editable={editable}
        meetings={meetings.data}
        loading={meetings.loading}
        error={meetings.error}
        onMeetingChanged={(m) =>
          meetings.setData((list) => (list ?? []).map((x) => (x.id === m.id ? m : x)))
        }
        onMeetingsStale={meetings.reload}
      />
      <AgenciesSection areaId={area.id} editable={editable} onRepsChanged={onAreasStale} />
    </>
  );
}
