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
  reports: { color: tokens.colorNeutralForeground3, marginBottom: '16px' },
  reportList: {
    margin: 0,
    paddingLeft: '20px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
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
  // The area's reports and requests, each for whom its route allows.
  const reports = [
    reads && {
      name: 'Dashboard',
      href: dashboardPath(area.id),
      what: 'volume, repeats, referrals, research and actions against SafeLives’ benchmarks.',
    },
    returns && {
      name: 'Data return',
      href: dataReturnPath(area.id),
      what: 'the quarterly SafeLives figures of each meeting, as CSV or Excel.',
    },
    coordinates && {
      name: 'Subject access',
      href: subjectAccessPath(area.id),
      what: 'everything held about one person who asks, as a PDF for the partnership to review.',
    },
    // A plain link, no count: counting what is left would decrypt every referral of the area.
    coordinates && {
      name: 'Recode ethnicity and sexuality',
      href: recodePath(area.id),
      what: 'referrals written in words before the form offered the data return’s categories.',
    },
  ].filter((r) => r !== false);

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
      {reports.length > 0 && (
        <nav aria-label="Reports and requests" className={styles.reports}>
          <ul className={styles.reportList}>
            {reports.map((r) => (
              <li key={r.name}>
                <AppLink href={r.href}>{r.name}</AppLink>: {r.what}
              </li>
            ))}
          </ul>
        </nav>
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
