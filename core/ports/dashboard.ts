import type { LocalDate } from '../shared/local-date.js';

/*
 * What the area dashboard reads: plain columns only (dates, flags, counts, ids and agency
 * names), never a sealed field, so nothing is decrypted to draw it.
 */

export interface HeardCase {
  meetingDate: LocalDate;
  referredOn: LocalDate;
  isRepeat: boolean;
}

export interface ReferralByAgency {
  agencyId: string;
  agencyName: string;
  agencyKind: string;
  count: number;
}

export interface ResearchCell {
  meetingId: string;
  meetingDate: LocalDate;
  agencyId: string;
  agencyName: string;
  /** When it was submitted (or "nothing known" said); null if never. */
  submittedAt: Date | null;
}

export interface IncompleteActions {
  agencyId: string;
  agencyName: string;
  incomplete: number;
  overdue: number;
}

export interface DashboardRepo {
  /** Cases heard (`meeting_case.state = 'heard'`) at the area's meetings dated in [from, to]. */
  heardCases(areaId: string, from: LocalDate, to: LocalDate): Promise<HeardCase[]>;
  /** Referrals submitted, by the day they were made, in [from, to], by referring agency. */
  referralsByAgency(areaId: string, from: LocalDate, to: LocalDate): Promise<ReferralByAgency[]>;
  /** Every agency's research cell for the area's meetings dated in [from, to], before today. */
  researchCells(areaId: string, from: LocalDate, to: LocalDate): Promise<ResearchCell[]>;
  /** Incomplete actions (open or ongoing) of the area now, by owner agency. */
  incompleteActions(areaId: string, now: Date): Promise<IncompleteActions[]>;
  adultWomen(areaId: string): Promise<number | null>;
  setAdultWomen(areaId: string, adultWomen: number | null): Promise<void>;
}
