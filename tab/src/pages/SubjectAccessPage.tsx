import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { api } from '../api/endpoints.js';
import { toApiError, type ApiRequestError } from '../api/client.js';
import {
  subjectAccessApi,
  type SubjectAccessPdf,
  type SubjectCandidatesView,
} from '../api/subject-access.js';
import { AppLink } from '../components/AppLink.js';
import { fieldProblems } from '../components/agenda/field-problems.js';
import { useProblems } from '../components/agenda/use-problems.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';
import { Section } from '../components/Section.js';
import { Candidates, FoundCases } from '../components/subject-access/Candidates.js';
import {
  checkRequest,
  EMPTY_DRAFT,
  REQUEST_FIELDS,
  type RequestDraft,
} from '../components/subject-access/check-request.js';
import { RequestForm } from '../components/subject-access/RequestForm.js';
import { saveFile } from '../components/save-file.js';
import { useLoad } from '../components/use-load.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  page: { ...PAGE_LAYOUT.page, maxWidth: '880px' },
  h1: { fontSize: '24px', margin: '8px 0 12px', overflowWrap: 'anywhere' },
  intro: {
    display: 'grid',
    gap: '8px',
    marginBottom: '16px',
    maxWidth: '44em',
    '& p': { margin: 0 },
  },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  heading: { ':focus': { outline: 'none' } },
  lead: { display: 'block', margin: '0 0 16px', maxWidth: '44em' },
});

type Body = Extract<ReturnType<typeof checkRequest>, { ok: true }>['body'];

/** Where the request is: being filled in, waiting for decisions, or produced. */
type Stage =
  | { kind: 'ask' }
  | { kind: 'decide'; body: Body; view: SubjectCandidatesView; decisions: Map<string, boolean> }
  | { kind: 'done'; pdf: SubjectAccessPdf };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the confirmation says was produced, plainly when nothing was found. */
function producedWords(pdf: SubjectAccessPdf): { title: string; text: string } {
  if (pdf.cases === 0)
    return {
      title: 'Nothing is held about this person',
      text: `No record of this person was found in the areas you coordinate. The PDF (saved as ${pdf.filename}) records the search, for your reply to the person.`,
    };
  const what =
    pdf.cases === null
      ? 'everything found'
      : `${plural(pdf.cases, 'case')} and ${plural(pdf.items ?? 0, 'item')}, each with the agency that provided it`;
  return {
    title: 'The PDF was produced',
    text: `It lists ${what}. It was saved as ${pdf.filename}: review it with the partnership before anything is disclosed.`,
  };
}

/**
 * Subject access at `/subject-access/{areaId}` (issue #13): the coordinator identifies a person
 * who has asked for everything held about them, decides each record that may be theirs, and
 * gets the PDF. What is typed stays in this page's memory: never in the address, the browser's
 * storage or a log, and it is cleared once the PDF is produced.
 */
export function SubjectAccessPage(props: { areaId: string; onSignOut?: () => void }) {
  const styles = useStyles();
  const who = useLoad(async () => {
    const [me, areas] = await Promise.all([api.me(), api.areas()]);
    return {
      coordinates: me.roles.some((r) => r.areaId === props.areaId && r.role === 'coordinator'),
      areaName: areas.find((a) => a.id === props.areaId)?.name ?? null,
    };
  }, [props.areaId]);
  const areaName = who.data?.areaName;

  return (
    <main className={styles.page}>
      <div className={styles.top}>
        <AppLink href="/">Back to meetings</AppLink>
        <span className={styles.grow} />
        {props.onSignOut && <Button onClick={props.onSignOut}>Sign out</Button>}
      </div>
      <h1 className={styles.h1}>Subject access{areaName ? `: ${areaName}` : ''}</h1>
      <ErrorBar error={who.error} title="The page could not be loaded" />
      {who.loading && !who.data && <Spinner label="Loading" />}
      {who.data && !who.data.coordinates && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This page is for the area’s MARAC coordinator</MessageBarTitle>
            Only the coordinator can produce what is held about a person who asks for it. If someone
            has asked you, pass their request to the coordinator.
          </MessageBarBody>
        </MessageBar>
      )}
      {who.data?.coordinates && <SubjectAccess areaId={props.areaId} />}
    </main>
  );
}

function SubjectAccess({ areaId }: { areaId: string }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<RequestDraft>(EMPTY_DRAFT);
  const [stage, setStage] = useState<Stage>({ kind: 'ask' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const check = useProblems();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each new step moves focus to its heading, so a screen reader starts there.
  useEffect(() => {
    if (stage.kind !== 'ask') headingRef.current?.focus();
  }, [stage.kind]);

  const produced = (pdf: SubjectAccessPdf) => {
    saveFile(pdf.blob, pdf.filename);
    // The person's details are not kept once their PDF is made.
    setDraft(EMPTY_DRAFT);
    check.clear();
    setStage({ kind: 'done', pdf });
  };

  const ask = async (body: Body, decisions: Map<string, boolean>) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await subjectAccessApi.ask(areaId, {
        ...body,
        decisions: [...decisions].map(([caseId, include]) => ({ caseId, include })),
      });
      if (answer.kind === 'pdf') produced(answer.pdf);
      else {
        // Decisions kept for the cases still listed (a new candidate may have appeared).
        const listed = new Set(answer.view.candidates.map((c) => c.caseId));
        const kept = new Map([...decisions].filter(([caseId]) => listed.has(caseId)));
        setStage({ kind: 'decide', body, view: answer.view, decisions: kept });
      }
    } catch (e) {
      const error = toApiError(e);
      const onFields = fieldProblems(error.details, REQUEST_FIELDS);
      if (onFields && stage.kind !== 'decide') check.fail(onFields);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const find = (submitted: RequestDraft) => {
    const checked = checkRequest(submitted);
    setFailure(null);
    if (!checked.ok) {
      check.fail(checked.problems);
      return;
    }
    check.clear();
    void ask(checked.body, new Map());
  };

  const restart = () => {
    setDraft(EMPTY_DRAFT);
    check.clear();
    setFailure(null);
    setStage({ kind: 'ask' });
  };

  return (
    <>
      <div className={styles.intro}>
        <Text as="p">
          When a person asks, under the UK GDPR, for everything the MARAC holds about them, find
          their records here. You get a PDF listing every item held in the areas you coordinate,
          each with the agency that provided it, and marks on what is about other people.
        </Text>
        <Text as="p">
          The PDF is for the partnership to review and decide what to withhold before anything is
          disclosed: it is not a copy to send to the person. Each search and each PDF is recorded in
          the audit log.
        </Text>
      </div>
      {stage.kind === 'ask' && (
        <Section id="request-heading" title="Who the request is about">
          <RequestForm
            draft={draft}
            onChange={setDraft}
            problems={check.problems}
            attempt={check.attempt}
            busy={busy}
            onSubmit={find}
          />
          <ErrorBar error={failure} title="The records could not be searched" />
        </Section>
      )}
      {stage.kind === 'decide' && (
        <Decide
          stage={stage}
          busy={busy}
          failure={failure}
          headingRef={headingRef}
          onDecide={(caseId, include) =>
            setStage({ ...stage, decisions: new Map(stage.decisions).set(caseId, include) })
          }
          onProduce={() => void ask(stage.body, stage.decisions)}
          onChangeDetails={() => {
            setFailure(null);
            setStage({ kind: 'ask' });
          }}
        />
      )}
      {stage.kind === 'done' && (
        <Done pdf={stage.pdf} headingRef={headingRef} onRestart={restart} />
      )}
    </>
  );
}

function Decide(props: {
  stage: Extract<Stage, { kind: 'decide' }>;
  busy: boolean;
  failure: ApiRequestError | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDecide: (caseId: string, include: boolean) => void;
  onProduce: () => void;
  onChangeDetails: () => void;
}) {
  const styles = useStyles();
  const { view, decisions } = props.stage;
  const decided = view.candidates.filter((c) => decisions.has(c.caseId)).length;
  const ready = decided === view.candidates.length;
  return (
    <>
      <h2 ref={props.headingRef} tabIndex={-1} className={styles.heading}>
        Decide the possible matches
      </h2>
      {/* The API's message speaks to any client ("send the request again"): the tab's own words. */}
      <Text as="p" className={styles.lead}>
        Some records may be this person&rsquo;s but do not match exactly. Compare each with the
        details the person gave and say whether it is theirs: a record included by mistake would
        disclose someone else&rsquo;s information. Nothing is produced until each is decided.
      </Text>
      <Section id="found-heading" title="Records found as the person’s">
        <FoundCases found={view.found} />
      </Section>
      <Candidates candidates={view.candidates} decisions={decisions} onDecide={props.onDecide} />
      <ErrorBar error={props.failure} title="The PDF could not be produced" />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={!ready || props.busy}
          onClick={props.onProduce}
          aria-describedby="decided-count"
        >
          {props.busy ? 'Producing the PDF…' : 'Produce the PDF'}
        </Button>
        <Button onClick={props.onChangeDetails} disabled={props.busy}>
          Change the details
        </Button>
        <Text id="decided-count" role="status">
          {ready
            ? 'Every possible match is decided.'
            : `${decided} of ${view.candidates.length} decided: decide each possible match to produce the PDF.`}
        </Text>
      </div>
    </>
  );
}

function Done(props: {
  pdf: SubjectAccessPdf;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onRestart: () => void;
}) {
  const styles = useStyles();
  const words = producedWords(props.pdf);
  return (
    <>
      <h2 ref={props.headingRef} tabIndex={-1} className={styles.heading}>
        {words.title}
      </h2>
      <MessageBar intent={props.pdf.cases === 0 ? 'info' : 'success'} layout="multiline">
        <MessageBarBody data-testid="produced">
          {words.text} Producing it was recorded in the audit log. The details you entered have been
          cleared from this page.
        </MessageBarBody>
      </MessageBar>
      <p>
        <Button appearance="primary" onClick={props.onRestart}>
          Start another request
        </Button>
      </p>
    </>
  );
}
