import type { ResearchSettings } from '../contracts/research-api.js';
import type {
  ResearchDraft,
  ResearchSharing,
  StoredResearchStatus,
} from '../contracts/research.js';

/** One agency's research on one case of one meeting: a cell of the coordinator's matrix. */
export interface ResearchKey {
  meetingId: string;
  referralId: string;
  agencyId: string;
}

/** A cell without its text: what the matrix and the read rules need. Nothing is decrypted. */
export interface ResearchStatusRecord extends ResearchKey {
  id: string;
  status: StoredResearchStatus;
  submittedBy: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** A cell with its response decrypted (under the case's data key). */
export interface ResearchRecord extends ResearchStatusRecord {
  response: ResearchDraft | null;
  updatedBy: string | null;
}

export interface ResearchRepo {
  get(key: ResearchKey): Promise<ResearchRecord | null>;
  /** Every cell of a meeting (statuses only), or only one agency's. */
  statuses(meetingId: string, agencyId?: string): Promise<ResearchStatusRecord[]>;
  /** Inserts or replaces the cell; the response is sealed under the referral's case key. */
  save(record: ResearchRecord): Promise<void>;
  /** The area's sharing setting (its information sharing protocol decides). */
  sharing(areaId: string): Promise<ResearchSharing>;
  setSharing(areaId: string, sharing: ResearchSharing): Promise<void>;
  /** Cases the chair has opened in the meeting (what `at-meeting` unseals), by referral id. */
  openedCases(meetingId: string): Promise<Set<string>>;
  /** Records that the chair opened the case; opening twice keeps the first time. */
  openCase(input: {
    meetingId: string;
    referralId: string;
    openedBy: string;
    at: Date;
  }): Promise<void>;
  /** The area's research settings: sharing, when deputies are prompted, reminder days. */
  settings(areaId: string): Promise<ResearchSettings>;
  setSettings(areaId: string, settings: ResearchSettings): Promise<void>;
  /**
   * A prompt reached a rep of the agency (`prompt-sent`) or a rep opened it (`prompt-seen`):
   * the cell moves as the state machine says (`nextStatus`); an answered cell stays as it is.
   */
  recordPromptEvent(
    key: ResearchKey,
    event: 'prompt-sent' | 'prompt-seen',
    input: { id: string; at: Date },
  ): Promise<void>;
  /**
   * A prompt about these cases reached a rep of the agency: in one statement, each cell not yet
   * prompted becomes `sent` (`nextStatus(..., 'prompt-sent')`); any other cell stays as it is.
   */
  recordPromptSent(input: {
    meetingId: string;
    agencyId: string;
    referralIds: readonly string[];
    at: Date;
  }): Promise<void>;
  /** Agencies whose core rep the coordinator marked absent for the meeting. */
  coreRepsAbsent(meetingId: string): Promise<Set<string>>;
  /**
   * People's display names by id (decrypted from the directory), for "submitted by" and "last
   * changed by": a research cell records who, by id only.
   */
  personNames(personIds: readonly string[]): Promise<Map<string, string>>;
  setCoreRepAbsent(input: {
    meetingId: string;
    agencyId: string;
    absent: boolean;
    markedBy: string | null;
    at: Date;
  }): Promise<void>;
}
