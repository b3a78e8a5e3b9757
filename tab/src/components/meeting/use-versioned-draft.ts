import { useEffect, useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a person types over a record others may save at the same time. While they have changed
 * nothing, a newer version from the server simply replaces what is shown. Once they have typed,
 * their words are kept, and a newer version is a conflict: shown beside theirs, never dropped.
 * They then take the other version, or save theirs over it on purpose (with its version).
 */
export function useVersionedDraft<F>(server: F, serverVersion: number) {
  const [draft, setDraft] = useState(server);
  const [base, setBase] = useState({ form: server, version: serverVersion });
  const dirty = !same(draft, base.form);

  useEffect(() => {
    if (serverVersion === base.version) return;
    if (dirty && !same(draft, server)) return;
    setDraft(server);
    setBase({ form: server, version: serverVersion });
  }, [serverVersion]);

  return {
    draft,
    setDraft,
    dirty,
    /** The version the next save starts from. */
    version: base.version,
    /** The other person's newer version, while the person's own words differ from it. */
    conflict: serverVersion > base.version && dirty && !same(draft, server) ? server : null,
    serverVersion,
    /** After a save: the saved words are the new base. */
    saved(form: F, version: number) {
      setDraft(form);
      setBase({ form, version });
    },
    /** Drops what was typed for the newer version. */
    takeTheirs() {
      setDraft(server);
      setBase({ form: server, version: serverVersion });
    },
    /** Keeps what was typed, to save over the newer version on purpose. */
    keepMine() {
      setBase({ form: base.form, version: serverVersion });
    },
  };
}
