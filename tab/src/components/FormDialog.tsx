import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiRequestError } from '../api/client.js';
import { ErrorBar } from './ErrorBar.js';

/**
 * The shell every form dialog shares: a title, the fields, the server's refusal (if any) under
 * them, and the submit and Close buttons. It cannot be closed while it is saving.
 */
export function FormDialog(props: {
  title: ReactNode;
  /** Names the form for assistive technology when the title alone is not enough. */
  label?: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busyLabel: string;
  submitDisabled?: boolean;
  failure: ApiRequestError | null;
  failureTitle: string;
  contentClassName?: string;
  /** A confirmation of an action: announced as an alert dialog. */
  alert?: boolean;
  /** The button that closes it without acting (default "Close"). */
  cancelLabel?: string;
  children: ReactNode;
}) {
  const { busy } = props;
  return (
    <Dialog
      open
      {...(props.alert ? { modalType: 'alert' as const } : {})}
      onOpenChange={(_, d) => !d.open && !busy && props.onClose()}
    >
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSubmit();
          }}
          noValidate
          {...(props.label ? { 'aria-label': props.label } : {})}
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={props.contentClassName}>
              {props.children}
              <ErrorBar error={props.failure} title={props.failureTitle} />
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                type="submit"
                disabled={busy || (props.submitDisabled ?? false)}
              >
                {busy ? props.busyLabel : props.submitLabel}
              </Button>
              <Button onClick={props.onClose} disabled={busy}>
                {props.cancelLabel ?? 'Close'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
