/**
 * "Refer a case" in the Microsoft 365 Agents Playground, the bot's real client run offline: the
 * real app in local mode, the playground CLI pointed at its /api/messages, and Debian's Chromium
 * driving the playground's Teams-like chat as the mock user Dana Whitcombe (police core rep, see
 * .m365agentsplayground.yml). A bad step names its field; Back keeps the answers; the review shows
 * everything; Cancel keeps the draft, "my drafts" resumes it; a submitted referral lands the same
 * record as the tab's REST route; and no card left in the chat after cancel or submit shows a
 * name. Screenshots go to test-output/screens/playground-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from './support/playground.js';
import { findQuestionSet } from '#core/referrals/question-sets.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';

const SCREENS = 'test-output/screens';

jest.setTimeout(240_000);

let app: TestApp;
let playground: RunningPlayground | undefined;
let page: Page;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  playground = await startPlayground(app.url, 'playground.log');
  page = playground.page;
}, 200_000);

afterAll(async () => {
  await playground?.stop();
  await app?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: `${SCREENS}/playground-${name}.png`, fullPage: true });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The last card in the chat: a replaced card re-renders in place, the newest is last. */
const lastCard = () => page.locator('.ac-adaptiveCard').last();

async function send(text: string) {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function fill(label: string, value: string) {
  await lastCard()
    .getByRole('textbox', { name: new RegExp(`^${escape(label)}`) })
    .fill(value);
}
async function choose(label: string, option: string | RegExp) {
  await lastCard()
    .getByRole('combobox', { name: new RegExp(`^${escape(label)}`) })
    .click();
  await page
    .getByRole(
      'option',
      typeof option === 'string' ? { name: option, exact: true } : { name: option },
    )
    .first()
    .click();
}

interface Details {
  victimName: string;
  victimDob: string;
}

async function fillDetails(d: Details) {
  await choose('MARAC area', 'Northbrook and Wellfield');
  await choose('Your agency', /Riverside Police/);
  await fill('Your phone number', '01632 960001');
  await fill('Victim name', d.victimName);
  const date = lastCard().getByRole('combobox', { name: /Victim date of birth/ });
  await date.fill(d.victimDob);
  await date.press('Tab');
  await choose('Victim gender', 'Female');
  await choose('Safe to call the victim', 'Yes');
  // The return's categories, as a compact choice set (issue #13).
  await choose('Victim ethnicity', 'Asian or Asian British: Indian');
  await choose('Victim has a disability', 'No');
  await choose('Victim sexuality', 'Bisexual');
  await choose('Victim needs an interpreter', 'No');
  await fill('Perpetrator name', 'Sam Playground');
  await choose('Perpetrator gender', 'Male');
  await choose('Relationship to the victim', 'Ex-partner');
  await choose('MAPPA level', 'Not managed under MAPPA');
  await fill('Reasons for referral', 'Repeated threats to kill after separation.');
  await fill('Domestic abuse incidents in the last 12 months', '2');
  await choose('Victim is aware of the referral', 'Yes');
  await choose('Victim consented to the referral', 'Yes');
}

const button = (name: string | RegExp) =>
  lastCard().getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
const waitText = (text: string | RegExp) =>
  page
    .getByText(text)
    .last()
    .waitFor({ timeout: 30_000 })
    .catch(async (e: unknown) => {
      await shot('failure');
      throw e;
    });
/** What every card in the chat shows, as a person reads it. */
const chatText = async () => (await page.locator('.ac-adaptiveCard').allInnerTexts()).join('\n');

it('refers a case in the playground: a bad step by name, back, review, cancel, resume, submit', async () => {
  const set = findQuestionSet('safelives-24')!;
  const name = 'Jo Playground';
  await send('refer');
  await lastCard()
    .getByRole('textbox', { name: /^Victim name/ })
    .waitFor({ timeout: 30_000 });
  await shot('step1');

  // A date of birth in the future: the same card comes back naming the field.
  const future = `${new Date().getUTCFullYear() + 1}-03-01`;
  await fillDetails({ victimName: name, victimDob: future });
  await button('Next: risk checklist').click();
  await waitText(/Victim date of birth: is in the future/);
  await page.getByText(/Victim date of birth: is in the future/).scrollIntoViewIfNeeded();
  await shot('step1-refused');

  const date = lastCard().getByRole('combobox', { name: /Victim date of birth/ });
  await date.fill('1990-04-01');
  await date.press('Tab');
  await button('Next: risk checklist').click();

  const answers: Record<string, 'yes' | 'no' | 'not-known'> = {};
  set.questions.forEach((q, i) => (answers[q.id] = i < 15 ? 'yes' : i < 20 ? 'no' : 'not-known'));
  const optionName = { yes: 'Yes', no: 'No', 'not-known': 'Not known' } as const;
  const answerPage = async (pageNo: number) => {
    await waitText(`(${pageNo + 1} of 3)`);
    for (const [i, q] of set.questions.slice(pageNo * 8, pageNo * 8 + 8).entries()) {
      const group = lastCard().getByRole('radiogroup', {
        name: new RegExp(`^${pageNo * 8 + i + 1}\\. `),
      });
      await group.getByRole('radio', { name: optionName[answers[q.id]!], exact: true }).check();
    }
  };
  await answerPage(0);
  expect(await lastCard().innerText()).toContain(set.attribution.slice(0, 40));
  await shot('dash-1');
  await button('Next').click();
  // Back from page 2: page 1 comes back with its answers.
  await waitText('(2 of 3)');
  await button('Back').click();
  await waitText('(1 of 3)');
  const first = lastCard().getByRole('radiogroup', { name: /^1\. / });
  expect(await first.getByRole('radio', { name: 'Yes', exact: true }).isChecked()).toBe(true);
  await button('Next').click();
  await answerPage(1);
  await button('Next').click();
  await answerPage(2);
  await button(/^Next/).click();

  // The review shows everything entered; Cancel replaces it with a card without details.
  await waitText('Refer a case: check and send');
  await shot('review');
  const review = await lastCard().innerText();
  expect(review).toContain(name);
  expect(review).toContain('Asian or Asian British: Indian');
  expect(review).toMatch(/Sexuality\s*Bisexual/);
  expect(review).toMatch(/Score\s*15/);
  await button('Cancel').click();
  await waitText('Stopped for now');
  await shot('cancelled');
  expect(await chatText()).not.toContain(name);
  const reference = /Reference\s*(\S+)/.exec(await lastCard().innerText())?.[1];
  expect(reference).toBeTruthy();

  // "my drafts" lists it; Continue brings back what was typed.
  await send('my drafts');
  await waitText('Your drafts');
  await shot('drafts');
  await button(`Continue ${reference}`).click();
  await lastCard()
    .getByRole('textbox', { name: /^Victim name/ })
    .waitFor({ timeout: 30_000 });
  expect(
    await lastCard()
      .getByRole('textbox', { name: /^Victim name/ })
      .inputValue(),
  ).toBe(name);
  await button('Next: risk checklist').click();
  for (let pageNo = 0; pageNo < 3; pageNo++) {
    await waitText(`(${pageNo + 1} of 3)`);
    await button(/^Next/).click();
  }
  await waitText('Refer a case: check and send');
  await button('Submit to the coordinator').click();
  await waitText('Referral sent');
  await shot('receipt');
  const receipt = await lastCard().innerText();
  expect(receipt).toContain(reference!);
  expect(await chatText()).not.toContain(name);
  expect(await chatText()).not.toContain('Sam Playground');

  const dana = await signIn(app, 'dana.whitcombe@police.example');
  const mine = (await (await dana('/api/referrals/mine')).json()) as {
    id: string;
    reference: string;
    status: string;
  }[];
  const stored = mine.find((r) => r.reference === reference)!;
  expect(stored?.status).toBe('submitted');

  const coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const fromBot = (await (await coordinator(`/api/referrals/${stored.id}`)).json()) as {
    form: Record<string, unknown>;
  };
  const form = {
    areaId: fromBot.form.areaId,
    referrerAgencyId: fromBot.form.referrerAgencyId,
    referrerPhone: '01632 960001',
    victim: {
      name,
      dateOfBirth: '1990-04-01',
      gender: 'female',
      address: null,
      safeToCall: 'yes',
      ethnicity: 'asian-indian',
      disability: 'no',
      sexuality: 'bisexual',
      interpreterNeeded: false,
    },
    perpetrators: [
      {
        name: 'Sam Playground',
        dateOfBirth: null,
        gender: 'male',
        relationshipToVictim: 'ex-partner',
        address: null,
        mappaLevel: 'none',
      },
    ],
    reasonsForReferral: 'Repeated threats to kill after separation.',
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers,
      completedOn: new Date().toISOString().slice(0, 10),
    },
    incidentsInLast12Months: 2,
    consent: { victimAware: true, consented: true },
  };
  const viaApi = await dana('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({ form, submit: true }),
  });
  expect(viaApi.status).toBe(201);
  const apiId = ((await viaApi.json()) as { id: string }).id;
  const fromApi = (await (await coordinator(`/api/referrals/${apiId}`)).json()) as {
    form: unknown;
  };
  expect(fromBot.form).toEqual(fromApi.form);
});
