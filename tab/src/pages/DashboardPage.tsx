import {
  HorizontalBarChartWithAxis,
  VerticalBarChart,
  type HorizontalBarChartWithAxisDataPoint,
  type VerticalBarChartDataPoint,
} from '@fluentui/react-charts';
import { Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { dashboardApi, type AreaDashboard } from '../api/dashboard.js';
import { PageTop } from '../components/PageTop.js';
import { FigureCard } from '../components/dashboard/FigureCard.js';
import { PopulationForm } from '../components/dashboard/PopulationForm.js';
import { useWidth } from '../components/dashboard/use-width.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { formatDate } from '../format/dates.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  h1: { fontSize: '24px', margin: '8px 0' },
  period: { maxWidth: '16em', marginBottom: '16px' },
  measure: { width: '100%' },
});

const PERIODS = [3, 6, 12, 24] as const;
const percent = (share: number | null) =>
  share === null ? 'none yet' : `${Math.round(share * 100)}%`;
const ROW_HEIGHT = 32;

/** Bars by name, drawn across: agency names stay readable at 320 px. */
function Bars(props: { width: number; bars: { name: string; value: number }[]; max?: number }) {
  if (props.width === 0) return null;
  // The chart draws its first point at the bottom: reversed, the list reads from the top.
  const data: HorizontalBarChartWithAxisDataPoint[] = [...props.bars].reverse().map((b) => ({
    x: b.value,
    y: b.name,
    color: tokens.colorBrandBackground,
  }));
  // Room on the left for the longest name (about 7 px a character), at most 45% of the width.
  const longest = Math.max(...props.bars.map((b) => b.name.length));
  const left = Math.min(Math.round(props.width * 0.45), 16 + longest * 7);
  return (
    <HorizontalBarChartWithAxis
      data={data}
      width={props.width}
      height={props.bars.length * ROW_HEIGHT + 60}
      barHeight={18}
      margins={{ left, right: 32, top: 8, bottom: 32 }}
      hideLegend
      hideTooltip
      xMaxValue={props.max}
    />
  );
}

/** Bars over time or bands, drawn upright. */
function Columns(props: { width: number; columns: { name: string; value: number }[] }) {
  const data: VerticalBarChartDataPoint[] = props.columns.map((c) => ({
    x: c.name,
    y: c.value,
    color: tokens.colorBrandBackground,
  }));
  if (props.width === 0) return null;
  return (
    <VerticalBarChart
      data={data}
      width={props.width}
      height={220}
      hideLegend
      hideTooltip
      wrapXAxisLables
    />
  );
}

/**
 * The area dashboard at `/dashboard/{areaId}`, for the coordinator, the chair and the partnership
 * board: every figure with SafeLives' benchmark, a chart and the same numbers as a table. Counts
 * and rates only: no case, no person.
 */
export function DashboardPage(props: { areaId: string; onSignOut?: () => void }) {
  const styles = useStyles();
  const [months, setMonths] = useState<number>(12);
  const [measure, width] = useWidth<HTMLDivElement>();
  const { data, error, loading, reload } = useLoad(
    () => dashboardApi.read(props.areaId, months),
    [props.areaId, months],
  );
  return (
    <main className={styles.page}>
      <PageTop onSignOut={props.onSignOut} />
      <h1 className={styles.h1}>Dashboard{data ? `: ${data.areaName}` : ''}</h1>
      <Field label="Period" className={styles.period}>
        <Select value={String(months)} onChange={(_, d) => setMonths(Number(d.value))}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              The last {p} months
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBar error={error} title="The dashboard could not be loaded" />
      {loading && !data && <Spinner label="Loading the dashboard" />}
      <div ref={measure} className={styles.measure} />
      {data && <Figures data={data} width={Math.max(0, width - 40)} onPopulationSaved={reload} />}
    </main>
  );
}

function Figures({
  data,
  width,
  onPopulationSaved,
}: {
  data: AreaDashboard;
  width: number;
  onPopulationSaved: () => void;
}) {
  const { volume, repeats, referrals } = data;
  const period = `${formatDate(data.from)} to ${formatDate(data.to)}`;
  return (
    <>
      <Text as="p">
        {period}. Cases heard are those discussed at a meeting of the area in the period; research
        and referrals count from the area&apos;s own record.
      </Text>
      <FigureCard
        id="volume"
        title="Cases a year per 10,000 adult women"
        summary={
          volume.per10kWomen === null
            ? `${volume.casesHeard} cases heard, ${volume.casesAYear} a year. Enter the area's population below to compare with SafeLives' expected ${volume.expectedPer10k}.`
            : `${volume.per10kWomen} a year per 10,000 women aged 16 or over; SafeLives expect ${volume.expectedPer10k}.`
        }
        chart={
          volume.per10kWomen === null ? null : (
            <Bars
              width={width}
              bars={[
                { name: 'This area', value: volume.per10kWomen },
                { name: 'Expected', value: volume.expectedPer10k },
              ]}
            />
          )
        }
        table={{
          columns: ['Measure', 'Value'],
          rows: [
            { key: 'heard', cells: ['Cases heard in the period', volume.casesHeard] },
            { key: 'year', cells: ['Cases a year at that rate', volume.casesAYear] },
            {
              key: 'women',
              cells: [
                'Women aged 16 or over',
                volume.adultWomen?.toLocaleString('en-GB') ?? 'Not entered',
              ],
            },
            {
              key: 'per10k',
              cells: ['A year per 10,000 of them', volume.per10kWomen ?? 'Not known'],
            },
            { key: 'expected', cells: ['Expected by SafeLives', volume.expectedPer10k] },
          ],
        }}
      />
      <Section id="population-heading" title="The area's population">
        <PopulationForm
          areaId={data.areaId}
          adultWomen={volume.adultWomen}
          onSaved={onPopulationSaved}
        />
      </Section>
      <FigureCard
        id="repeats"
        title="Repeat cases"
        summary={`${percent(repeats.rate)} of cases heard were repeats; SafeLives expect ${percent(repeats.expectedLow)} to ${percent(repeats.expectedHigh)}.`}
        chart={
          <Bars
            width={width}
            max={100}
            bars={[
              { name: 'This area', value: Math.round((repeats.rate ?? 0) * 100) },
              { name: 'Expected, lowest', value: Math.round(repeats.expectedLow * 100) },
              { name: 'Expected, highest', value: Math.round(repeats.expectedHigh * 100) },
            ]}
          />
        }
        table={{
          columns: ['Measure', 'Value'],
          rows: [
            { key: 'repeats', cells: ['Repeat cases heard', repeats.repeats] },
            { key: 'heard', cells: ['Cases heard', repeats.casesHeard] },
            { key: 'rate', cells: ['Repeat rate', percent(repeats.rate)] },
            {
              key: 'expected',
              cells: [
                'Expected',
                `${percent(repeats.expectedLow)} to ${percent(repeats.expectedHigh)}`,
              ],
            },
          ],
        }}
      />
      <FigureCard
        id="referrals"
        title="Referrals by agency"
        summary={`${referrals.total} referrals; ${percent(referrals.partnerShare)} from agencies other than the police (${percent(referrals.nationalPartnerShare)} nationally).`}
        empty="No referral was made in this period."
        chart={
          <Bars
            width={width}
            bars={referrals.byAgency.map((a) => ({ name: a.agencyName, value: a.count }))}
          />
        }
        table={{
          columns: ['Agency', 'Referrals', 'Share'],
          rows: referrals.byAgency.map((a) => ({
            key: a.agencyId,
            cells: [a.agencyName, a.count, percent(a.count / referrals.total)],
          })),
        }}
      />
      <FigureCard
        id="partners"
        title="Referrals from partner agencies"
        summary={`${referrals.partners} of ${referrals.total} referrals came from agencies other than the police.`}
        empty="No referral was made in this period."
        chart={
          <Bars
            width={width}
            max={100}
            bars={[
              { name: 'This area', value: Math.round((referrals.partnerShare ?? 0) * 100) },
              { name: 'Nationally', value: Math.round(referrals.nationalPartnerShare * 100) },
            ]}
          />
        }
        table={{
          columns: ['Referred by', 'Referrals'],
          rows:
            referrals.total === 0
              ? []
              : [
                  { key: 'police', cells: ['The police', referrals.police] },
                  { key: 'partners', cells: ['Partner agencies', referrals.partners] },
                  {
                    key: 'share',
                    cells: ['Partner agencies\u2019 share', percent(referrals.partnerShare)],
                  },
                ],
        }}
      />
      <FigureCard
        id="meetings"
        title="Cases per meeting"
        summary={`${data.meetings.length} meetings; a meeting can hear ${data.meetings[0]?.capacity ?? 'its capacity of'} cases.`}
        empty="No meeting in this period."
        chart={
          <Columns
            width={width}
            columns={data.meetings.map((m) => ({ name: formatDate(m.date), value: m.cases }))}
          />
        }
        table={{
          columns: ['Meeting', 'Cases', 'Capacity'],
          rows: data.meetings.map((m) => ({
            key: m.meetingId,
            cells: [formatDate(m.date), m.cases, m.capacity],
          })),
        }}
      />
      <FigureCard
        id="research"
        title="Research answered on time"
        summary="Each agency's research for the period's meetings: by the deadline, late, or not given."
        empty="No research was due in this period."
        chart={
          <Bars
            width={width}
            max={100}
            bars={data.research.map((r) => ({
              name: r.agencyName,
              value: Math.round((r.onTimeShare ?? 0) * 100),
            }))}
          />
        }
        table={{
          columns: ['Agency', 'Asked', 'On time', 'Late', 'Not given', 'On time, share'],
          rows: data.research.map((r) => ({
            key: r.agencyId,
            cells: [r.agencyName, r.asked, r.onTime, r.late, r.notGiven, percent(r.onTimeShare)],
          })),
        }}
      />
      <FigureCard
        id="actions"
        title="Actions overdue by agency"
        summary="Actions not done or ended now, and those past their due time."
        empty="No action is waiting for any agency."
        chart={
          <Bars
            width={width}
            bars={data.actions.map((a) => ({ name: a.agencyName, value: a.overdue }))}
          />
        }
        table={{
          columns: ['Agency', 'Not done yet', 'Overdue'],
          rows: data.actions.map((a) => ({
            key: a.agencyId,
            cells: [a.agencyName, a.incomplete, a.overdue],
          })),
        }}
      />
      <FigureCard
        id="days"
        title="Days from referral to meeting"
        summary={
          data.daysToMeeting.median === null
            ? 'No case was heard in this period.'
            : `Half the cases heard waited ${data.daysToMeeting.median} days or fewer; the longest ${data.daysToMeeting.longest}.`
        }
        empty="No case was heard in this period."
        chart={
          <Columns
            width={width}
            columns={data.daysToMeeting.bands.map((b) => ({ name: b.label, value: b.count }))}
          />
        }
        table={{
          columns: ['Days', 'Cases'],
          rows:
            data.daysToMeeting.median === null
              ? []
              : data.daysToMeeting.bands.map((b) => ({ key: b.label, cells: [b.label, b.count] })),
        }}
      />
    </>
  );
}
