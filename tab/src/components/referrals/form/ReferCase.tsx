import {
  Button,
  Checkbox,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Switch,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { Area, Me } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { referralApi, type ReferralReceipt } from '../../api/referrals.js';
import { dateHint } from '../../format/dates.js';
import { Section } from '../Section.js';
import { useLoad } from '../use-load.js';
import { Choice, F, FieldErrors, useFormStyles } from './form-fields.js';
import {
  BAND_WORDS,
  CRITERIA_WORDS,
  describePath,
  emptyChild,
  emptyDraft,
  emptyPerpetrator,
  errorsByField,
  fieldPath,
  friendlyMessage,
  toForm,
  type ChildDraft,
  type PerpetratorDraft,
  type ReferralDraft,
  type YesNoUnknown,
} from './referral-form-model.js';

const YNK: { value: YesNoUnknown; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-known', label: 'Not known' },
];
const GENDERS = [
  ['female', 'Female'],
  ['male', 'Male'],
  ['non-binary', 'Non-binary'],
  ['other', 'Other'],
  ['not-known', 'Not known'],
] as const;
const RELATIONSHIPS = [
  ['partner', 'Partner'],
  ['ex-partner', 'Ex-partner'],
  ['parent', 'Parent'],
  ['child', 'Child'],
  ['sibling', 'Sibling'],
  ['other-family', 'Other family member'],
  ['other', 'Other'],
] as const;
const MAPPA = [
  ['none', 'Not managed under MAPPA'],
  ['1', 'Level 1'],
  ['2', 'Level 2'],
  ['3', 'Level 3'],
  ['not-known', 'Not known'],
] as const;

export interface ReferCaseProps {
  me: Me;
  /** Areas where this person may refer (any role but observer). */
  areas: Area[];
  today: string;
  draft: ReferralDraft;
  setDraft: Dispatch<SetStateAction<ReferralDraft>>;
  onSaved: () => void;
}

/**
 * "Refer a case": the SafeLives referral form in sections. "Check and save draft" scores it and
 * runs the duplicate check; "Submit to the coordinator" sends it. The draft lives above this
 * screen, so switching tabs or an error never loses what was typed.
 */
export function ReferCase({ areas, today, draft, setDraft, onSaved }: ReferCaseProps) {
  const styles = useFormStyles();
  const agencies = useLoad(
    () => (draft.areaId ? api.agencies(draft.areaId) : Promise.resolve([])),
    [draft.areaId],
  );
  const questions = useLoad(() => referralApi.questionSet(draft.questionSet), [draft.questionSet]);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<ReferralReceipt | null>(null);
  const [busy, setBusy] = useState<'check' | 'submit' | null>(null);
  const [askChildren, setAskChildren] = useState(draft.childrensServicesReferralMade !== null);

  const v = draft.victim;
  const setVictim = <K extends keyof ReferralDraft['victim']>(
    key: K,
    value: ReferralDraft['victim'][K],
  ) => setDraft((d) => ({ ...d, victim: { ...d.victim, [key]: value } }));
  const set = <K extends keyof ReferralDraft>(key: K, value: ReferralDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setPerp = (key: number, patch: Partial<PerpetratorDraft>) =>
    setDraft((d) => ({
      ...d,
      perpetrators: d.perpetrators.map((p) => (p.key === key ? { ...p, ...patch } : p)),
    }));
  const setChild = (key: number, patch: Partial<ChildDraft>) =>
    setDraft((d) => ({
      ...d,
      children: d.children.map((c) => (c.key === key ? { ...c, ...patch } : c)),
    }));

  const submitted = receipt?.status === 'submitted';
  const yesCount = Object.values(draft.answers).filter((a) => a === 'yes').length;
  const answered = Object.keys(draft.answers).length;

  async function save(submit: boolean) {
    setBusy(submit ? 'submit' : 'check');
    try {
      const saved = await referralApi.save(toForm(draft), submit, draft.referralId);
      setReceipt(saved);
      setError(null);
      setFieldErrors({});
      setDraft((d) => ({ ...d, referralId: saved.id }));
      if (saved.warnings.some((w) => /children.s services/i.test(w))) setAskChildren(true);
      onSaved();
    } catch (e) {
      const problem = toApiError(e);
      setError(problem);
      setFieldErrors(errorsByField(problem.details));
      if (problem.details.some((d) => fieldPath(d.path) === 'childrensServicesReferralMade'))
        setAskChildren(true);
    } finally {
      setBusy(null);
    }
  }

  function startAgain() {
    setDraft(emptyDraft(draft.areaId, today));
    setReceipt(null);
    setError(null);
    setFieldErrors({});
    setAskChildren(false);
  }

  const agencyOptions = agencies.data ?? [];

  return (
    <FieldErrors.Provider value={fieldErrors}>
      <Title2 as="h2" style={{ display: 'block', margin: '4px 0 12px' }}>
        Refer a case
      </Title2>
      <form aria-label="Referral form" onSubmit={(e) => e.preventDefault()} noValidate>
        <Section id="ref-referrer" title="Referrer">
          <div className={styles.grid}>
            <F path="areaId" label="MARAC area" required>
              <Select value={draft.areaId} onChange={(_, d) => set('areaId', d.value)}>
                {areas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </F>
            <F path="referrerAgencyId" label="Your agency" required>
              <Select
                value={draft.referrerAgencyId}
                onChange={(_, d) => set('referrerAgencyId', d.value)}
              >
                <option value="">Choose your agency</option>
                {agencyOptions.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </F>
            <F path="referrerPhone" label="Your phone number" required>
              <Input
                type="tel"
                value={draft.referrerPhone}
                onChange={(_, d) => set('referrerPhone', d.value)}
              />
            </F>
          </div>
        </Section>

        <Section id="ref-victim" title="Victim">
          <div className={styles.grid}>
            <F path="victim.name" label="Victim’s name" required>
              <Input value={v.name} onChange={(_, d) => setVictim('name', d.value)} />
            </F>
            <F path="victim.otherNames" label="Other names" hint="Separate names with commas">
              <Input value={v.otherNames} onChange={(_, d) => setVictim('otherNames', d.value)} />
            </F>
            <F
              path="victim.dateOfBirth"
              label="Victim’s date of birth"
              hint={dateHint(v.dateOfBirth)}
            >
              <Input
                type="date"
                value={v.dateOfBirth}
                onChange={(_, d) => setVictim('dateOfBirth', d.value)}
              />
            </F>
            <F path="victim.gender" label="Gender">
              <Choice
                value={v.gender}
                options={GENDERS}
                onPick={(picked) => setVictim('gender', picked as never)}
              />
            </F>
            <F path="victim.address.line1" label="Address line 1">
              <Input value={v.line1} onChange={(_, d) => setVictim('line1', d.value)} />
            </F>
            <F path="victim.address.line2" label="Address line 2">
              <Input value={v.line2} onChange={(_, d) => setVictim('line2', d.value)} />
            </F>
            <F path="victim.address.town" label="Town">
              <Input value={v.town} onChange={(_, d) => setVictim('town', d.value)} />
            </F>
            <F path="victim.address.postcode" label="Postcode">
              <Input value={v.postcode} onChange={(_, d) => setVictim('postcode', d.value)} />
            </F>
            <F path="victim.phone" label="Victim’s phone">
              <Input type="tel" value={v.phone} onChange={(_, d) => setVictim('phone', d.value)} />
            </F>
            <F path="victim.safeToCall" label="Safe to call this number?">
              <RadioGroup
                layout="horizontal"
                value={v.safeToCall}
                onChange={(_, d) => setVictim('safeToCall', d.value as YesNoUnknown)}
              >
                {YNK.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </RadioGroup>
            </F>
            <F path="victim.safeContactNotes" label="Safe ways and times to make contact" wide>
              <Textarea
                value={v.safeContactNotes}
                onChange={(_, d) => setVictim('safeContactNotes', d.value)}
              />
            </F>
            <F path="victim.ethnicity" label="Ethnicity">
              <Input value={v.ethnicity} onChange={(_, d) => setVictim('ethnicity', d.value)} />
            </F>
            <F path="victim.disability" label="Disability">
              <RadioGroup
                layout="horizontal"
                value={v.disability}
                onChange={(_, d) => setVictim('disability', d.value as YesNoUnknown)}
              >
                {YNK.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </RadioGroup>
            </F>
            <F path="victim.sexuality" label="Sexuality">
              <Input value={v.sexuality} onChange={(_, d) => setVictim('sexuality', d.value)} />
            </F>
            <F path="victim.language" label="First language">
              <Input value={v.language} onChange={(_, d) => setVictim('language', d.value)} />
            </F>
            <F path="victim.interpreterNeeded" label="Interpreter">
              <Checkbox
                label="An interpreter is needed"
                checked={v.interpreterNeeded}
                onChange={(_, d) => setVictim('interpreterNeeded', d.checked === true)}
              />
            </F>
          </div>
        </Section>

        <Section
          id="ref-perpetrators"
          title="Perpetrators"
          actions={
            <Button
              disabled={draft.perpetrators.length >= 5}
              onClick={() => set('perpetrators', [...draft.perpetrators, emptyPerpetrator()])}
            >
              Add another perpetrator
            </Button>
          }
        >
          {draft.perpetrators.map((p, i) => {
            const at = (field: string) => `perpetrators.${i}.${field}`;
            const n = i + 1;
            return (
              <div key={p.key} className={styles.sub} role="group" aria-label={`Perpetrator ${n}`}>
                <div className={styles.subHead}>
                  <h4 className={styles.subTitle}>Perpetrator {n}</h4>
                  {draft.perpetrators.length > 1 && (
                    <Button
                      size="small"
                      onClick={() =>
                        set(
                          'perpetrators',
                          draft.perpetrators.filter((x) => x.key !== p.key),
                        )
                      }
                    >
                      Remove perpetrator {n}
                    </Button>
                  )}
                </div>
                <div className={styles.grid}>
                  <F path={at('name')} label={`Perpetrator ${n} name`} required>
                    <Input value={p.name} onChange={(_, d) => setPerp(p.key, { name: d.value })} />
                  </F>
                  <F path={at('otherNames')} label="Other names" hint="Separate names with commas">
                    <Input
                      value={p.otherNames}
                      onChange={(_, d) => setPerp(p.key, { otherNames: d.value })}
                    />
                  </F>
                  <F
                    path={at('dateOfBirth')}
                    label={`Perpetrator ${n} date of birth`}
                    hint={dateHint(p.dateOfBirth)}
                  >
                    <Input
                      type="date"
                      value={p.dateOfBirth}
                      onChange={(_, d) => setPerp(p.key, { dateOfBirth: d.value })}
                    />
                  </F>
                  <F path={at('gender')} label="Gender">
                    <Choice
                      value={p.gender}
                      options={GENDERS}
                      onPick={(picked) => setPerp(p.key, { gender: picked as never })}
                    />
                  </F>
                  <F path={at('relationshipToVictim')} label="Relationship to the victim">
                    <Choice
                      value={p.relationshipToVictim}
                      options={RELATIONSHIPS}
                      onPick={(picked) => setPerp(p.key, { relationshipToVictim: picked })}
                    />
                  </F>
                  <F path={at('mappaLevel')} label="MAPPA level">
                    <Choice
                      value={p.mappaLevel}
                      options={MAPPA}
                      onPick={(picked) => setPerp(p.key, { mappaLevel: picked })}
                    />
                  </F>
                  <F path={at('address.line1')} label="Address line 1">
                    <Input
                      value={p.line1}
                      onChange={(_, d) => setPerp(p.key, { line1: d.value })}
                    />
                  </F>
                  <F path={at('address.town')} label="Town">
                    <Input value={p.town} onChange={(_, d) => setPerp(p.key, { town: d.value })} />
                  </F>
                  <F path={at('address.postcode')} label="Postcode">
                    <Input
                      value={p.postcode}
                      onChange={(_, d) => setPerp(p.key, { postcode: d.value })}
                    />
                  </F>
                </div>
              </div>
            );
          })}
        </Section>

        <Section
          id="ref-children"
          title="Children"
          actions={
            <Button
              disabled={draft.children.length >= 12}
              onClick={() => set('children', [...draft.children, emptyChild()])}
            >
              Add a child
            </Button>
          }
        >
          {draft.children.length === 0 && <Text>No children added.</Text>}
          {draft.children.map((c, i) => {
            const at = (field: string) => `children.${i}.${field}`;
            const n = i + 1;
            return (
              <div key={c.key} className={styles.sub} role="group" aria-label={`Child ${n}`}>
                <div className={styles.subHead}>
                  <h4 className={styles.subTitle}>Child {n}</h4>
                  <Button
                    size="small"
                    onClick={() =>
                      set(
                        'children',
                        draft.children.filter((x) => x.key !== c.key),
                      )
                    }
                  >
                    Remove child {n}
                  </Button>
                </div>
                <div className={styles.grid}>
                  <F path={at('name')} label={`Child ${n} name`} required>
                    <Input value={c.name} onChange={(_, d) => setChild(c.key, { name: d.value })} />
                  </F>
                  <F
                    path={at('dateOfBirth')}
                    label={`Child ${n} date of birth`}
                    hint={dateHint(c.dateOfBirth)}
                  >
                    <Input
                      type="date"
                      value={c.dateOfBirth}
                      onChange={(_, d) => setChild(c.key, { dateOfBirth: d.value })}
                    />
                  </F>
                  <F path={at('relationshipToVictim')} label="Relationship to the victim" required>
                    <Input
                      value={c.relationshipToVictim}
                      onChange={(_, d) => setChild(c.key, { relationshipToVictim: d.value })}
                    />
                  </F>
                  <F
                    path={at('relationshipToPerpetrator')}
                    label="Relationship to the perpetrator"
                    required
                  >
                    <Input
                      value={c.relationshipToPerpetrator}
                      onChange={(_, d) => setChild(c.key, { relationshipToPerpetrator: d.value })}
                    />
                  </F>
                  <F path={at('school')} label="School or nursery">
                    <Input
                      value={c.school}
                      onChange={(_, d) => setChild(c.key, { school: d.value })}
                    />
                  </F>
                  <F path={at('livesInHousehold')} label="Household">
                    <Checkbox
                      label="Lives in the household"
                      checked={c.livesInHousehold}
                      onChange={(_, d) => setChild(c.key, { livesInHousehold: d.checked === true })}
                    />
                  </F>
                </div>
              </div>
            );
          })}
          {(askChildren || fieldErrors.childrensServicesReferralMade) && (
            <F path="childrensServicesReferralMade" label="Children’s services">
              <Switch
                label="I have referred the children to children’s services now"
                checked={draft.childrensServicesReferralMade === true}
                onChange={(_, d) => set('childrensServicesReferralMade', d.checked)}
              />
            </F>
          )}
        </Section>

        <Section id="ref-reasons" title="Why refer">
          <F path="reasonsForReferral" label="Reasons for referral" required wide>
            <Textarea
              rows={4}
              value={draft.reasonsForReferral}
              onChange={(_, d) => set('reasonsForReferral', d.value)}
            />
          </F>
        </Section>

        <Section id="ref-risk" title="Risk assessment">
          <div className={styles.grid}>
            <F path="riskAssessment.kind" label="Assessment used">
              <RadioGroup
                layout="horizontal"
                value={draft.riskKind}
                onChange={(_, d) => set('riskKind', d.value as 'dash' | 'dara')}
              >
                <Radio value="dash" label="DASH checklist" />
                <Radio value="dara" label="DARA (police)" />
              </RadioGroup>
            </F>
            <F
              path="riskAssessment.completedOn"
              label="Date completed"
              hint={dateHint(draft.completedOn)}
            >
              <Input
                type="date"
                value={draft.completedOn}
                onChange={(_, d) => set('completedOn', d.value)}
              />
            </F>
          </div>
          {draft.riskKind === 'dara' && (
            <F path="riskAssessment.outcome" label="DARA outcome" required>
              <RadioGroup
                layout="horizontal"
                value={draft.daraOutcome}
                onChange={(_, d) => set('daraOutcome', d.value as never)}
              >
                <Radio value="high" label="High" />
                <Radio value="medium" label="Medium" />
                <Radio value="standard" label="Standard" />
              </RadioGroup>
            </F>
          )}
          {draft.riskKind === 'dash' && (
            <div role="group" aria-labelledby="dash-title" data-testid="dash-checklist">
              {questions.loading && !questions.data && (
                <Spinner size="small" label="Loading the checklist" />
              )}
              {questions.data && (
                <>
                  <h4 id="dash-title" style={{ margin: '12px 0 4px' }}>
                    {questions.data.title}
                  </h4>
                  <Text
                    as="p"
                    style={{ margin: '0 0 8px' }}
                    aria-live="polite"
                    data-testid="dash-count"
                  >
                    {`“Yes” answers: ${yesCount} of ${questions.data.questions.length} (${answered} answered)`}
                  </Text>
                  {questions.data.questions.map((q, i) => (
                    <div key={q.id} className={styles.question} data-testid={`dash-${q.id}`}>
                      <F path={`riskAssessment.answers.${q.id}`} label={`${i + 1}. ${q.text}`}>
                        <RadioGroup
                          layout="horizontal"
                          value={draft.answers[q.id] ?? ''}
                          onChange={(_, d) =>
                            setDraft((x) => ({
                              ...x,
                              answers: { ...x.answers, [q.id]: d.value as YesNoUnknown },
                            }))
                          }
                        >
                          {YNK.map((o) => (
                            <Radio key={o.value} value={o.value} label={o.label} />
                          ))}
                        </RadioGroup>
                      </F>
                    </div>
                  ))}
                  <p className={styles.attribution} data-testid="dash-attribution">
                    {questions.data.attribution}
                  </p>
                </>
              )}
            </div>
          )}
          <div className={styles.grid} style={{ marginTop: 12 }}>
            <F
              path="professionalJudgement"
              label="Professional judgement rationale"
              hint="Required to refer on professional judgement; it can raise a case, never lower it"
              wide
            >
              <Textarea
                rows={3}
                value={draft.professionalJudgement}
                onChange={(_, d) => set('professionalJudgement', d.value)}
              />
            </F>
            <F path="incidentsInLast12Months" label="Incidents in the last 12 months">
              <Input
                type="number"
                min={0}
                max={365}
                value={draft.incidentsInLast12Months}
                onChange={(_, d) => set('incidentsInLast12Months', d.value)}
              />
            </F>
          </div>
        </Section>

        <Section id="ref-consent" title="Consent and safety">
          <div className={styles.grid}>
            <F path="consent.victimAware" label="Does the victim know about this referral?">
              <RadioGroup
                layout="horizontal"
                value={draft.victimAware}
                onChange={(_, d) => set('victimAware', d.value as 'yes' | 'no')}
              >
                <Radio value="yes" label="Yes" />
                <Radio value="no" label="No" />
              </RadioGroup>
            </F>
            {draft.victimAware === 'yes' && (
              <F path="consent.consented" label="Consent">
                <Checkbox
                  label="The victim consents to the referral"
                  checked={draft.consented}
                  onChange={(_, d) => set('consented', d.checked === true)}
                />
              </F>
            )}
            {(draft.victimAware === 'no' || !draft.consented) && (
              <F
                path="consent.reasonWithoutConsent"
                label="Reason for sharing without consent"
                required={draft.victimAware === 'no'}
                wide
              >
                <Textarea
                  value={draft.reasonWithoutConsent}
                  onChange={(_, d) => set('reasonWithoutConsent', d.value)}
                />
              </F>
            )}
            <F path="victimFears" label="Who does the victim fear?" wide>
              <Textarea
                value={draft.victimFears}
                onChange={(_, d) => set('victimFears', d.value)}
              />
            </F>
            <F path="safeToContact" label="Who is safe to contact">
              <Textarea
                value={draft.safeToContact}
                onChange={(_, d) => set('safeToContact', d.value)}
              />
            </F>
            <F path="notSafeToContact" label="Who is not safe to contact">
              <Textarea
                value={draft.notSafeToContact}
                onChange={(_, d) => set('notSafeToContact', d.value)}
              />
            </F>
            <F path="previousMaracsElsewhere" label="Previous MARAC referrals elsewhere" wide>
              <Textarea
                value={draft.previousMaracsElsewhere}
                onChange={(_, d) => set('previousMaracsElsewhere', d.value)}
              />
            </F>
          </div>
        </Section>

        <div aria-live="polite">
          {error && (
            <MessageBar
              intent="error"
              layout="multiline"
              role="alert"
              data-testid="referral-errors"
            >
              <MessageBarBody>
                <MessageBarTitle>The referral was not saved</MessageBarTitle>
                {error.details.length > 0
                  ? 'Put these right and try again; nothing you typed has been lost.'
                  : error.message}
                {error.details.length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {error.details.map((d) => (
                      <li key={`${d.path}:${d.message}`}>
                        {describePath(d.path)}: {friendlyMessage(d.message)}
                      </li>
                    ))}
                  </ul>
                )}
                {error.correlationId && (
                  <div style={{ marginTop: 4, opacity: 0.8 }}>Reference: {error.correlationId}</div>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {receipt && <Receipt receipt={receipt} />}
        </div>

        <div className={styles.row} style={{ margin: '16px 0 48px' }}>
          <Button disabled={busy !== null || submitted} onClick={() => void save(false)}>
            {busy === 'check' ? 'Checking…' : 'Check and save draft'}
          </Button>
          <Button
            appearance="primary"
            disabled={busy !== null || submitted}
            onClick={() => void save(true)}
          >
            {busy === 'submit' ? 'Submitting…' : 'Submit to the coordinator'}
          </Button>
          {(submitted || draft.referralId) && (
            <Button onClick={startAgain}>Start a new referral</Button>
          )}
        </div>
      </form>
    </FieldErrors.Provider>
  );
}

function Receipt({ receipt }: { receipt: ReferralReceipt }) {
  const { risk } = receipt;
  const submitted = receipt.status === 'submitted';
  return (
    <div data-testid="referral-receipt" style={{ display: 'grid', gap: 8, marginTop: 12 }}>
      <MessageBar intent={submitted ? 'success' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {submitted
              ? `Submitted to the coordinator: ${receipt.reference}`
              : `Draft saved: ${receipt.reference}`}
          </MessageBarTitle>
          <div>
            {risk.score !== null ? `DASH score ${risk.score}` : 'DARA outcome'} ·{' '}
            {BAND_WORDS[risk.band]} risk
          </div>
          <div>
            {risk.criteriaMet.length > 0
              ? `Criteria met: ${risk.criteriaMet.map((c) => CRITERIA_WORDS[c] ?? c).join(', ')}`
              : `No referral criterion met${risk.shortfall ? `: ${risk.shortfall}` : ''}`}
          </div>
        </MessageBarBody>
      </MessageBar>
      {receipt.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
