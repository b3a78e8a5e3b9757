import { errorInWords } from '../../../bot/src/http/routes/agenda-routes.js';

describe('a delivery problem in words', () => {
  it.each([
    [
      'HTTP 400 ErrorInvalidRecipients',
      true,
      /^Refused by Outlook \(HTTP 400 ErrorInvalidRecipients\)\. Check the address/,
    ],
    ['HTTP 429 ApplicationThrottled', false, /^Outlook asked us to wait .*Trying again\.$/],
    [
      'HTTP 503 ServiceUnavailable, after 8 attempts',
      true,
      /^Outlook failed \(HTTP 503 ServiceUnavailable, after 8 attempts\)\. Check/,
    ],
    ['no answer', false, /^No answer from Outlook\. Trying again\.$/],
    [
      "no certificate for this rep: upload it in the agency's delivery settings, then resend",
      true,
      /^No certificate for this rep: upload it in the agency's delivery settings, then resend\.$/,
    ],
  ])('%s (dead: %s)', (raw, dead, words) => {
    expect(errorInWords(raw, dead)).toMatch(words);
  });
});
