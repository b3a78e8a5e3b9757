import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Meeting } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { referralApi, type AcceptOutcome, type ReferralDetail } from '../../api/referrals.js';
import { formatDate } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { useLoad } from '../use-load.js';
import {
  BAND_WORDS,
  CRITERIA_WORDS,
  GENDER_WORDS,
  MAPPA_WORDS,
  RELATIONSHIP_WORDS,
  STATUS_WORDS,
} from './referral-form-model.js';

const useStyles = makeStyles({
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 240px) 1fr',
    gap: '4px 16px',
    margin: '0 0 12px',
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
  h4: { margin: '12px 0 6px', fontSize: tokens.fontSizeBase300 },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap', margin: '8px 0' },
});

const YNK: Record<string, string> = { yes: 'Yes', no: 'No', 'not-known': 'Not known' };

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const styles = useStyles();
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <dl className={styles.dl}>
      {shown.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt className={styles.dt}>{k}</dt>
          <dd className={styles.dd}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const d = (date: string | null | undefined) => (date ? formatDate(date) : 'Not known');

/** One referral for the coordinator: the form read-only, duplicates, and the decisions. */
export function ReferralDetailPanel(props: {
  referralId: string;
  meetings: Meeting[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const detail = useLoad(() => referralApi.detail(props.referralId), [props.referralId]);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const [meetingId, setMeetingId] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [overCapacity, setOverCapacity] = useState<Extract<
    AcceptOutcome,
    { kind: 'over-capacity' }
  > | null>(null);
  const [accepted, setAccepted] = useState<Extract<AcceptOutcome, { kind: 'accepted' }> | null>(
    null,
  );
  const [note, setNote] = useState('');
  const [mappaNote, setMappaNote] = useState('');
  const [extraDate, setExtraDate] = useState('');
  const [done, setDone] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>, message?: string) {
    setBusy(true);
    try {
      await run();
      setError(null);
      if (message) setDone(message);
      detail.reload();
      props.onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function accept(body: { meetingId?: string; confirmOverCapacity?: boolean }) {
    await act(async () => {
      const outcome = await referralApi.accept(props.referralId, {
        ...body,
        ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}),
      });
      if (outcome.kind === 'over-capacity') {
        setOverCapacity(outcome);
        setAccepted(null);
      } else {
        setOverCapacity(null);
        setAccepted(outcome);
      }
    });
  }

  /** The coming meetings are full: add an extra MARAC and put the referral on it. */
  async function acceptOntoExtraMeeting(areaId: string) {
    await act(async () => {
      const extra = await api.addExtraMeeting(areaId, {
        date: extraDate,
        reason: 'The coming meetings are full',
      });
      const outcome = await referralApi.accept(props.referralId, { meetingId: extra.id });
      setOverCapacity(null);
      if (outcome.kind === 'accepted') setAccepted(outcome);
    });
  }

  const data: ReferralDetail | null = detail.data;
  const s = data?.summary;
  const form = data?.form;
  const open =
    s && (s.status === 'submitted' || s.status === 'needs-information' || s.status === 'draft');
  const live = props.meetings.filter((m) => m.status !== 'cancelled');

  return (
    <Section
      id="referral-detail"
      title={s ? `Referral ${s.reference}` : 'Referral'}
      actions={<Button onClick={props.onClose}>Close</Button>}
    >
      <div data-testid="referral-detail">
        <ErrorBar error={detail.error ?? error} title="That did not work" />
        {detail.loading && !data && <Spinner size="small" label="Loading the referral" />}
        {accepted && (
          <MessageBar intent="success" data-testid="accepted-notice">
            <MessageBarBody>
              <MessageBarTitle>Accepted</MessageBarTitle>
              {`For the MARAC on ${formatDate(accepted.meetingDate)}`}
              {accepted.overCapacity ? ' (over the meeting’s usual number of cases)' : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
        {s && form && (
          <>
            <Facts
              rows={[
                ['Status', STATUS_WORDS[s.status] ?? s.status],
                ['Referred', d(s.referredOn)],
                [
                  'Risk',
                  `${BAND_WORDS[s.band]}${s.score !== null ? ` (DASH score ${s.score})` : ' (DARA)'}`,
                ],
                [
                  'Criteria',
                  s.criteria.map((c) => CRITERIA_WORDS[c] ?? c).join(', ') || 'None met',
                ],
                ['Repeat', s.isRepeat ? 'Yes: within 12 months of an earlier referral' : 'No'],
                [
                  'MAPPA lead',
                  s.mappaLead ? 'Yes: a perpetrator is managed at MAPPA level 2 or 3' : 'No',
                ],
                [
                  'Meeting',
                  s.meetingId ? d(props.meetings.find((m) => m.id === s.meetingId)?.date) : '',
                ],
                ['Decision note', data.decisionNote],
                ['MAPPA link', data.mappaLinkNote],
              ]}
            />

            <h4 className={styles.h4}>Victim</h4>
            <Facts
              rows={[
                ['Name', form.victim.name],
                ['Other names', (form.victim.otherNames ?? []).join(', ')],
                ['Date of birth', d(form.victim.dateOfBirth)],
                ['Gender', GENDER_WORDS[form.victim.gender]],
                [
                  'Address',
                  form.victim.address &&
                    [
                      form.victim.address.line1,
                      form.victim.address.line2,
                      form.victim.address.town,
                      form.victim.address.postcode,
                    ]
                      .filter(Boolean)
                      .join(', '),
                ],
                ['Phone', form.victim.phone],
                ['Safe to call', YNK[form.victim.safeToCall]],
                ['Safe contact', form.victim.safeContactNotes],
                ['Ethnicity', form.victim.ethnicity],
                ['Disability', YNK[form.victim.disability]],
                ['Sexuality', form.victim.sexuality],
                ['Language', form.victim.language],
                ['Interpreter needed', form.victim.interpreterNeeded ? 'Yes' : 'No'],
              ]}
            />
            {form.perpetrators.map((p, i) => (
              <div key={i}>
                <h4 className={styles.h4}>Perpetrator {i + 1}</h4>
                <Facts
                  rows={[
                    ['Name', p.name],
                    ['Other names', (p.otherNames ?? []).join(', ')],
                    ['Date of birth', d(p.dateOfBirth)],
                    ['Relationship to the victim', RELATIONSHIP_WORDS[p.relationshipToVictim]],
                    ['MAPPA level', MAPPA_WORDS[p.mappaLevel]],
                    [
                      'Address',
                      p.address &&
                        [p.address.line1, p.address.town, p.address.postcode]
                          .filter(Boolean)
                          .join(', '),
                    ],
                  ]}
                />
              </div>
            ))}
            {(form.children ?? []).map((c, i) => (
              <div key={i}>
                <h4 className={styles.h4}>Child {i + 1}</h4>
                <Facts
                  rows={[
                    ['Name', c.name],
                    ['Date of birth', d(c.dateOfBirth)],
                    ['Relationship to the victim', c.relationshipToVictim],
                    ['Relationship to the perpetrator', c.relationshipToPerpetrator],
                    ['School', c.school],
                    ['Lives in the household', c.livesInHousehold ? 'Yes' : 'No'],
                  ]}
                />
              </div>
            ))}
            <h4 className={styles.h4}>Referral</h4>
            <Facts
              rows={[
                ['Reasons', form.reasonsForReferral],
                [
                  'Risk assessment',
                  form.riskAssessment.kind === 'dash'
                    ? `DASH (${form.riskAssessment.questionSet}), completed ${d(form.riskAssessment.completedOn)}`
                    : `DARA: ${BAND_WORDS[form.riskAssessment.outcome]}, completed ${d(form.riskAssessment.completedOn)}`,
                ],
                ['Professional judgement', form.professionalJudgement],
                ['Incidents in last 12 months', String(form.incidentsInLast12Months)],
                [
                  'Consent',
                  form.consent.victimAware
                    ? form.consent.consented
                      ? 'The victim knows and consents'
                      : `The victim knows but does not consent: ${form.consent.reasonWithoutConsent ?? ''}`
                    : `The victim does not know: ${form.consent.reasonWithoutConsent}`,
                ],
                ['Victim fears', form.victimFears],
                ['Safe to contact', form.safeToContact],
                ['Not safe to contact', form.notSafeToContact],
                ['Previous MARACs elsewhere', form.previousMaracsElsewhere],
                [
                  'Children’s services referral made',
                  form.childrensServicesReferralMade === null ||
                  form.childrensServicesReferralMade === undefined
                    ? ''
                    : form.childrensServicesReferralMade
                      ? 'Yes'
                      : 'No',
                ],
              ]}
            />

            <h4 className={styles.h4}>Likely duplicates</h4>
            {data.candidates.length === 0 && <Text>No likely duplicates.</Text>}
            {data.candidates.map((c) => (
              <div key={c.referralId} className={styles.row} data-testid="duplicate-candidate">
                <Text>
                  {`${Math.round(c.confidence * 100)}% match · referred ${formatDate(c.referredOn)} · ${STATUS_WORDS[c.status] ?? c.status}`}
                  {c.decision !== 'open'
                    ? ` · ${c.decision === 'merged' ? 'Merged' : 'Dismissed'}`
                    : ''}
                </Text>
                {c.decision === 'open' && (
                  <>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          () => referralApi.duplicate(props.referralId, c.referralId, 'merged'),
                          'Merged into the earlier referral.',
                        )
                      }
                    >
                      Merge
                    </Button>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          () => referralApi.duplicate(props.referralId, c.referralId, 'dismissed'),
                          'Match dismissed.',
                        )
                      }
                    >
                      Dismiss
                    </Button>
                  </>
                )}
              </div>
            ))}

            {open && (
              <>
                <h4 className={styles.h4}>Accept onto a meeting</h4>
                <div className={styles.row}>
                  <Field label="Meeting">
                    <Select value={meetingId} onChange={(_, v) => setMeetingId(v.value)}>
                      <option value="">The next meeting it is in time for</option>
                      {live.map((m) => (
                        <option key={m.id} value={m.id}>
                          {formatDate(m.date)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Reason, if after the referral deadline">
                    <Input value={lateReason} onChange={(_, v) => setLateReason(v.value)} />
                  </Field>
                  <Button
                    appearance="primary"
                    disabled={busy}
                    onClick={() => void accept(meetingId ? { meetingId } : {})}
                  >
                    Accept
                  </Button>
                </div>
                {overCapacity && (
                  <MessageBar intent="warning" layout="multiline" data-testid="over-capacity">
                    <MessageBarBody>
                      <MessageBarTitle>The meeting is full</MessageBarTitle>
                      {`The MARAC on ${formatDate(overCapacity.meetingDate)} already has ${overCapacity.cases} ${overCapacity.cases === 1 ? 'case' : 'cases'} (usual capacity ${overCapacity.capacity}).`}
                    </MessageBarBody>
                    <MessageBarActions>
                      {overCapacity.nextMeeting && (
                        <Button
                          disabled={busy}
                          onClick={() => void accept({ meetingId: overCapacity.nextMeeting!.id })}
                        >
                          {`Use the next meeting (${formatDate(overCapacity.nextMeeting.date)})`}
                        </Button>
                      )}
                      <Button
                        disabled={busy}
                        onClick={() =>
                          void accept({
                            meetingId: overCapacity.meetingId,
                            confirmOverCapacity: true,
                          })
                        }
                      >
                        Accept anyway
                      </Button>
                      <Field label="Extra meeting on">
                        <Input
                          type="date"
                          value={extraDate}
                          onChange={(_, v) => setExtraDate(v.value)}
                        />
                      </Field>
                      <Button
                        disabled={busy || !extraDate || !form}
                        onClick={() => form && void acceptOntoExtraMeeting(form.areaId)}
                      >
                        Add an extra meeting
                      </Button>
                    </MessageBarActions>
                  </MessageBar>
                )}

                <h4 className={styles.h4}>Ask for information or decline</h4>
                <Field label="Note to the referrer" required>
                  <Textarea value={note} onChange={(_, v) => setNote(v.value)} />
                </Field>
                <div className={styles.row}>
                  <Button
                    disabled={busy || note.trim() === ''}
                    onClick={() =>
                      void act(
                        () => referralApi.decide(props.referralId, 'needs-information', note),
                        'Sent back to the referrer for more information.',
                      )
                    }
                  >
                    Ask for information
                  </Button>
                  <Button
                    disabled={busy || note.trim() === ''}
                    onClick={() =>
                      void act(
                        () => referralApi.decide(props.referralId, 'declined', note),
                        'Declined.',
                      )
                    }
                  >
                    Decline
                  </Button>
                </div>
              </>
            )}

            <h4 className={styles.h4}>MAPPA link</h4>
            <Field
              label="Record the link to MAPPA"
              hint={s.mappaLead ? 'MAPPA leads on this perpetrator' : undefined}
            >
              <Textarea value={mappaNote} onChange={(_, v) => setMappaNote(v.value)} />
            </Field>
            <div className={styles.row}>
              <Button
                disabled={busy || mappaNote.trim() === ''}
                onClick={() =>
                  void act(
                    () => referralApi.mappaLink(props.referralId, mappaNote),
                    'MAPPA link recorded.',
                  )
                }
              >
                Record MAPPA link
              </Button>
            </div>
          </>
        )}
      </div>
    </Section>
  );
}
