import { Title3 } from '@fluentui/react-components';
import { InfoPage } from './InfoPage.js';

/** The terms of use page the app manifest links to: how to use a safeguarding app, in plain words. */
export function TermsPage() {
  return (
    <InfoPage title="MARAC: terms of use">
      <p>
        The MARAC app holds some of the most sensitive information there is about people at risk of
        serious harm. These terms say how it may be used. Your partnership&apos;s information
        sharing agreement and your own agency&apos;s policies apply to everything you do in it.
      </p>

      <Title3 as="h2">Who may use it</Title3>
      <p>
        Staff of the agencies in your MARAC partnership, for MARAC work, each signed in with their
        own work account.
      </p>

      <Title3 as="h2">Using the information</Title3>
      <ul>
        <li>
          Use what you see only for MARAC work, as your partnership&apos;s information sharing
          agreement allows.
        </li>
        <li>
          Do not copy case information into email, chat, calendar items or documents outside the app
          unless your agency&apos;s procedures say you may.
        </li>
        <li>Record information accurately. If you see a mistake, tell your MARAC coordinator.</li>
      </ul>

      <Title3 as="h2">Keeping it safe</Title3>
      <ul>
        <li>Do not share your sign-in, or let anyone else use the app as you.</li>
        <li>
          Do not leave the app open on a screen you are not watching, or where others can see it.
        </li>
        <li>
          If you think information has been misused or seen by someone who should not have seen it,
          tell your MARAC coordinator and your agency&apos;s data protection officer straight away.
        </li>
      </ul>

      <Title3 as="h2">Questions</Title3>
      <p>
        Ask your MARAC coordinator. For questions about personal information, contact your
        partnership&apos;s data protection officer.
      </p>
    </InfoPage>
  );
}
