import type { Meeting } from '#core/contracts/api.js';
import { categoryLabel, type EqualityField } from '#core/contracts/equality.js';
import type { ReferralDetail } from '../../../api/referrals.js';
import {
  BAND_WORDS,
  CRITERIA_WORDS,
  GENDER_WORDS,
  MAPPA_WORDS,
  RELATIONSHIP_WORDS,
  STATUS_WORDS,
  YNK_WORDS,
} from '../referral-words.js';
import { DashAnswers } from './DashAnswers.js';
import { dateOrUnknown as d, Facts, oneLine, useDetailStyles } from './Facts.js';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function consentWords(consent: ReferralDetail['form']['consent']): string {
  if (!consent.victimAware) return `The victim does not know: ${consent.reasonWithoutConsent}`;
  if (consent.consented) return 'The victim knows and consents';
  return `The victim knows but does not consent: ${consent.reasonWithoutConsent ?? ''}`;
}

/**
 * A category of the return, with the words the referrer first wrote where there were any (from
 * before the form offered categories); without a category yet, the words and that they are still
 * to be recoded.
 */
function categoryWords(data: ReferralDetail, field: EqualityField): string {
  const label = categoryLabel(field, data.form.victim[field]);
  const words = data.asWritten[field];
  if (!words) return label ?? '';
  return label
    ? `${label} (first written as “${words}”)`
    : `Written as “${words}”: not recoded yet`;
}

/** The referral read-only for the coordinator: status, referrer, people, reasons and risk. */
export function ReferralFacts({ data, meetings }: { data: ReferralDetail; meetings: Meeting[] }) {
  const styles = useDetailStyles();
  const { summary: s, form, referrer } = data;
  const v = form.victim;
  return (
    <>
      <Facts
        rows={[
          ['Status', STATUS_WORDS[s.status] ?? s.status],
          ['Referred', d(s.referredOn)],
          [
            'Risk',
            `${BAND_WORDS[s.band]}${s.score !== null ? ` (DASH score ${s.score})` : ' (DARA)'}`,
          ],
          ['Criteria', s.criteria.map((c) => CRITERIA_WORDS[c] ?? c).join(', ') || 'None met'],
          ['Repeat', s.isRepeat ? 'Yes: within 12 months of an earlier referral' : 'No'],
          [
            'MAPPA lead',
            s.mappaLead ? 'Yes: a perpetrator is managed at MAPPA level 2 or 3' : 'No',
          ],
          ['Meeting', s.meetingId ? d(meetings.find((m) => m.id === s.meetingId)?.date) : ''],
          ['Decision note', data.decisionNote],
          ['MAPPA link', data.mappaLinkNote],
        ]}
      />
      <h4 className={styles.h4}>Referrer</h4>
      <Facts
        testId="referrer-facts"
        rows={[
          ['Name', referrer.name],
          ['Agency', referrer.agencyName ?? 'Not known'],
          ['Phone', referrer.phone ?? 'Not given'],
        ]}
      />
      <h4 className={styles.h4}>Victim</h4>
      <Facts
        rows={[
          ['Name', v.name],
          ['Other names', (v.otherNames ?? []).join(', ')],
          ['Date of birth', d(v.dateOfBirth)],
          ['Gender', GENDER_WORDS[v.gender]],
          ['Address', oneLine(v.address)],
          ['Phone', v.phone],
          ['Safe to call', YNK_WORDS[v.safeToCall]],
          ['Safe contact', v.safeContactNotes],
          ['Ethnicity', categoryWords(data, 'ethnicity')],
          ['Disability', YNK_WORDS[v.disability]],
          ['Sexuality', categoryWords(data, 'sexuality')],
          ['Language', v.language],
          ['Interpreter needed', yesNo(v.interpreterNeeded)],
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
              ['Gender', GENDER_WORDS[p.gender]],
              ['Relationship to the victim', RELATIONSHIP_WORDS[p.relationshipToVictim]],
              ['MAPPA level', MAPPA_WORDS[p.mappaLevel]],
              ['Address', oneLine(p.address)],
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
              ['Lives in the household', yesNo(c.livesInHousehold)],
            ]}
          />
        </div>
      ))}
      <h4 className={styles.h4}>Referral</h4>
      <Facts
        rows={[
          ['Reasons', form.reasonsForReferral],
          ['Professional judgement', form.professionalJudgement],
          ['Incidents in last 12 months', String(form.incidentsInLast12Months)],
          ['Consent', consentWords(form.consent)],
          ['Victim fears', form.victimFears],
          ['Safe to contact', form.safeToContact],
          ['Not safe to contact', form.notSafeToContact],
          ['Previous MARACs elsewhere', form.previousMaracsElsewhere],
          [
            'Children’s services referral made',
            form.childrensServicesReferralMade == null
              ? ''
              : yesNo(form.childrensServicesReferralMade),
          ],
        ]}
      />
      <DashAnswers risk={form.riskAssessment} />
    </>
  );
}
