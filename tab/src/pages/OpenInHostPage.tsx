import { Text } from '@fluentui/react-components';
import { InfoPage } from './InfoPage.js';

/** Outside Teams and Outlook, where the server offers no development sign-in. */
export function OpenInHostPage() {
  return (
    <InfoPage title="Open MARAC in Teams or Outlook">
      <p>
        <Text>
          The MARAC app runs inside Microsoft Teams and Outlook, where you are already signed in
          with your work account. Open the MARAC app there, from the apps in Teams or Outlook.
        </Text>
      </p>
      <p>
        <Text>
          If you cannot find the MARAC app, ask your MARAC coordinator to add you, or your IT
          administrator to make the app available to you.
        </Text>
      </p>
    </InfoPage>
  );
}
