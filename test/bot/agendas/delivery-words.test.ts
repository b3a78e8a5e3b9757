import { errorInWords } from '../../../bot/src/http/routes/agenda-routes.js';

describe('a delivery problem in words', () => {
  it.each([
    [
      'HTTP 400 ErrorInvalidRecipients',
      true,
      /^Outlook refused this message \(HTTP 400 ErrorInvalidRecipients\)\. No more attempts/,
    ],
    [
      'HTTP 429 ApplicationThrottled',
      false,
      /^Outlook asked the app to slow down .*It will be tried again\.$/,
    ],
    [
      'HTTP 503 ServiceUnavailable, after 8 attempts',
      true,
      /^Outlook had a problem of its own .*No more attempts/,
    ],
    ['no answer', false, /^Outlook did not answer \(no answer\)\. It will be tried again\.$/],
    [
      "no certificate for this rep: upload it in the agency's delivery settings, then resend",
      true,
      /^No certificate for this rep: upload it in the agency's delivery settings, then resend\.$/,
    ],
  ])('%s (dead: %s)', (raw, dead, words) => {
    expect(errorInWords(raw, dead)).toMatch(words);
  });
});
