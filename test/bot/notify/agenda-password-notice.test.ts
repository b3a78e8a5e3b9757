import { agendaPasswordNotice } from '../../../bot/src/notify/agenda-password-notice.js';
import { agendaDocument, expectNoPersonalDetails } from '../mail/agenda-mail-fixtures.js';

describe('the Teams message that carries an agenda password', () => {
  const mailbox = 'marac.northbrook@riverside-partnership.example';
  const password = 'q7Hm2TxkRb9WzpNc4vYe8JdF';

  it('names the area, the meeting date in full, the version, the e-mail it opens and the password', () => {
    // The whole document is passed, as a caller holding one would: only its heading is used.
    const text = agendaPasswordNotice({ heading: agendaDocument, mailbox, password });
    expect(text).toContain(
      'The password for your copy of the Northbrook MARAC agenda for 8 December 2026, Addendum 1 (version 2), is:',
    );
    expect(text).toContain(`\n\n${password}\n\n`);
    expect(text).toContain(
      `the PDF attached to the e-mail from ${mailbox} with the subject "MARAC agenda - Northbrook - 8 December 2026 - Addendum 1"`,
    );
    expect(text).toContain('do not forward it or send it by e-mail');
    expectNoPersonalDetails(text, 'Teams message');
  });

  it('says "Version 1" for the agenda first published', () => {
    const text = agendaPasswordNotice({
      heading: { areaName: 'Eastmere', meetingDate: '2027-01-12', version: 1 },
      mailbox,
      password,
    });
    expect(text).toContain('Eastmere MARAC agenda for 12 January 2027, Version 1, is:');
    expect(text).toContain('with the subject "MARAC agenda - Eastmere - 12 January 2027"');
  });
});
