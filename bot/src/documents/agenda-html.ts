import { sectionTitles, type AgendaCase, type AgendaSection } from '#core/agendas/agenda.js';
import { pageConfidentialityNote } from '#core/agendas/confidentiality.js';
import {
  caseRows,
  documentTitle,
  longDate,
  versionLabel,
  type AgendaDocument,
} from './agenda-document.js';

/*
 * The agenda as one self-contained HTML page (no scripts, no outside resources), the same
 * content as the PDF: for mail clients and screen readers that handle HTML better, and readable
 * at 320 px. Every value is escaped: names and free text come from referrers.
 */

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const lines = (text: string): string => escape(text).replace(/\n/g, '<br>');

const STYLE = `
body { font: 16px/1.45 system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
.marking { text-align: center; font-weight: 700; border: 2px solid #1b1b1b; padding: .25rem; margin: 0 0 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; } h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .25rem .5rem .25rem 0; border-top: 1px solid #d0d0d0; overflow-wrap: anywhere; }
th { width: 9rem; } footer { margin-top: 2rem; font-size: .875rem; border-top: 1px solid #1b1b1b; padding-top: .5rem; }
@media (max-width: 480px) { th, td { display: block; width: auto; border: 0; padding: 0; } th { margin-top: .5rem; } }
`;

export function renderAgendaHtml(agenda: AgendaDocument): string {
  const title = documentTitle(agenda);
  let caseNumber = 0;
  const sections = agenda.agenda.sections
    .map((section) => {
      const cases =
        section.kind === 'cases-with-children' || section.kind === 'adult-cases'
          ? section.cases.map((line) => caseTable(line, (caseNumber += 1))).join('')
          : '';
      return `<section><h2>${escape(sectionTitles[section.kind])}</h2>${sectionBody(section, agenda)}${cases}</section>`;
    })
    .join('\n');
  const changes =
    agenda.changes.length === 0
      ? ''
      : `<section><h2>What changed since the last version</h2><ul>${agenda.changes.map((c) => `<li>${escape(c)}</li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="marking">OFFICIAL-SENSITIVE</p>
<h1>${escape(title)}</h1>
<p>${escape(versionLabel(agenda))}. Meeting at ${escape(agenda.startsAt)} on ${escape(longDate(agenda.meetingDate))}.</p>
${changes}
${sections}
<footer><p>${escape(pageConfidentialityNote)}</p><p>${escape(agenda.confidentialityStatement)}</p></footer>
</main></body></html>
`;
}

function sectionBody(section: AgendaSection, agenda: AgendaDocument): string {
  switch (section.kind) {
    case 'introductions':
      return `<p>Attendance is recorded. The chair reads the confidentiality statement and everyone present signs it.</p><p>${escape(agenda.confidentialityStatement)}</p>`;
    case 'actions-review':
      return section.actions.length === 0
        ? '<p>No incomplete actions from earlier meetings.</p>'
        : `<ul>${section.actions.map((a) => `<li>${escape(`${a.reference}: ${a.agency}: ${a.action} (due ${longDate(a.dueOn)})`)}</li>`).join('')}</ul>`;
    case 'cases-with-children':
    case 'adult-cases':
      return section.cases.length === 0 ? '<p>None.</p>' : '';
    case 'twelve-months':
      return section.notices.length === 0
        ? '<p>None.</p>'
        : `<ul>${section.notices.map((n) => `<li>${escape(`${n.reference}: last heard on ${longDate(n.lastHeardOn)}`)}</li>`).join('')}</ul>`;
    case 'other-business':
      return '';
  }
}

function caseTable(line: AgendaCase, number: number): string {
  const rows = caseRows(line)
    .map(
      ([label, value]) => `<tr><th scope="row">${escape(label)}</th><td>${lines(value)}</td></tr>`,
    )
    .join('');
  return `<h3>Case ${number}: ${escape(line.reference)}</h3><table>${rows}</table>`;
}
