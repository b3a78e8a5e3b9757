import { Title3 } from '@fluentui/react-components';
import { InfoPage } from './InfoPage.js';

/** The privacy page the app manifest links to: plain words, nothing the app does not do. */
export function PrivacyPage() {
  return (
    <InfoPage title="MARAC: how your information is handled">
      <p>
        The MARAC app is used by the agencies in a Multi-Agency Risk Assessment Conference (MARAC)
        partnership to organise their MARAC meetings and the work around them. This page says what
        information the app holds and who can see it.
      </p>

      <Title3 as="h2">What the app holds</Title3>
      <ul>
        <li>
          <strong>About the people who use it:</strong> name, work email address, agency, and role
          in each MARAC area (for example coordinator, chair or agency representative). When you
          sign in through Teams or Outlook, the app also keeps the identifiers of your work account
          that Microsoft Entra ID gives it, so that it knows it is you next time.
        </li>
        <li>
          <strong>About meetings:</strong> each area&apos;s meeting dates and deadlines, which
          agencies take part, each agency&apos;s representative and deputy, and any reason a
          coordinator gives for moving or cancelling a meeting.
        </li>
        <li>
          <strong>About cases</strong>, as those parts of the app arrive: the information agencies
          share for MARAC, such as referrals, risk information and agreed actions. This can include
          details of victims, their children, and the people who harm them.
        </li>
        <li>
          <strong>A record of activity:</strong> who did what and when (for example, who moved a
          meeting). The record holds identifiers and action codes, not the information itself.
        </li>
      </ul>

      <Title3 as="h2">Who can see it</Title3>
      <ul>
        <li>
          Only people who sign in with their work account and have a role in that MARAC area. Each
          role sees and changes only what it needs: for example, only an area&apos;s coordinators
          can change its meeting schedule.
        </li>
        <li>
          Case information is shown only in the app&apos;s own screens, to people whose agency is on
          that meeting&apos;s list. The app does not post it to Teams channels, chats or meeting
          chats.
        </li>
        <li>
          Outlook calendar invitations from the app carry only &ldquo;MARAC&rdquo; with the
          area&apos;s name and a fixed note: no case details, and no reasons for changes.
        </li>
        <li>
          Names, email addresses, reasons for changes and case details are encrypted before they are
          stored.
        </li>
      </ul>

      <Title3 as="h2">How long it is kept</Title3>
      <p>
        Your partnership&apos;s information sharing agreement sets how long information is kept.
        Your MARAC coordinator can tell you the periods that apply.
      </p>

      <Title3 as="h2">Questions and concerns</Title3>
      <p>
        To ask what information is held about you, to ask for a correction, or to raise a concern,
        contact your partnership&apos;s data protection officer. Your MARAC coordinator can tell you
        how to reach them.
      </p>
      <p>
        If you think someone has seen information they should not have, tell your MARAC coordinator
        and your agency&apos;s data protection officer straight away.
      </p>
    </InfoPage>
  );
}
