import { readStoredForm, storedForm } from '#core/referrals/stored-form.js';

/*
 * How a referral's form is kept (issue #13): words written before the form offered categories
 * come out of the form into `asWritten`, the form keeping only the category they name exactly;
 * a stored document of the new shape reads back as it was written.
 */
const victim = (fields: Record<string, unknown>) => ({
  areaId: 'a',
  victim: { name: 'N', ...fields },
});

describe('reading a stored form', () => {
  it.each([
    ['a category id', { ethnicity: 'asian-indian' }, { ethnicity: 'asian-indian' }, undefined],
    ['nothing', {}, {}, undefined],
    ['blank words', { ethnicity: '  ', sexuality: '' }, {}, undefined],
    [
      'words naming no category',
      { ethnicity: 'mixed race', sexuality: 'straight' },
      {},
      { ethnicity: 'mixed race', sexuality: 'straight' },
    ],
    [
      'words naming a category exactly',
      { ethnicity: 'White British', sexuality: 'gay or lesbian' },
      { ethnicity: 'white-british', sexuality: 'gay-or-lesbian' },
      { ethnicity: 'White British', sexuality: 'gay or lesbian' },
    ],
    [
      'words of one field, a category in the other',
      { ethnicity: 'Indian', sexuality: 'bisexual' },
      { sexuality: 'bisexual' },
      { ethnicity: 'Indian' },
    ],
  ])('%s', (_name, stored, categories, asWritten) => {
    const read = readStoredForm(victim(stored));
    expect(read.form).toEqual(victim(categories));
    expect(read.asWritten).toEqual(asWritten);
  });

  it('keeps the words first written over any the form holds, and reads a draft without a victim', () => {
    const read = readStoredForm({
      ...victim({ ethnicity: 'asian-other' }),
      asWritten: { ethnicity: 'Sri Lankan' },
    });
    expect(read).toEqual({
      form: victim({ ethnicity: 'asian-other' }),
      asWritten: { ethnicity: 'Sri Lankan' },
    });
    expect(readStoredForm({ areaId: 'a', victim: null })).toEqual({
      form: { areaId: 'a', victim: null },
    });
  });

  it('writes the words beside the form, and reads back what it wrote', () => {
    const form = victim({ sexuality: 'other' });
    expect(storedForm(form, undefined)).toBe(form);
    expect(storedForm(form, {})).toBe(form);
    const written = storedForm(form, { ethnicity: 'mixed race', sexuality: 'queer' });
    expect(readStoredForm(JSON.parse(JSON.stringify(written)))).toEqual({
      form,
      asWritten: { ethnicity: 'mixed race', sexuality: 'queer' },
    });
  });
});
