import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiResult } from '../../api';
import { useI18n } from '../../i18n';

export type ActionStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'unreachable' };

/**
 * One staff action's progress, for the button that starts it and the line that reports it: busy while the
 * gateway works, then done, or refused with the gateway's reason (409 "already resolved", 403 …).
 */
export function useAction() {
  const [status, setStatus] = useState<ActionStatus>({ kind: 'idle' });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  async function run<T>(call: () => Promise<ApiResult<T>>, onDone?: (body: T) => void): Promise<boolean> {
    setStatus({ kind: 'busy' });
    const result = await call();
    if (!mounted.current) return result.ok;
    if (result.ok) {
      setStatus({ kind: 'done' });
      onDone?.(result.body);
    } else {
      setStatus(result.status === 0 ? { kind: 'unreachable' } : { kind: 'refused', status: result.status, reason: result.reason });
    }
    return result.ok;
  }
  return { status, busy: status.kind === 'busy', run, reset: () => setStatus({ kind: 'idle' }) };
}

/** What became of the action, read out to screen readers too. Nothing while idle. */
export function ActionMessage({ status, done, testId }: { status: ActionStatus; done: string; testId: string }) {
  const { t } = useI18n();
  const text =
    status.kind === 'busy'
      ? t('kit.busy')
      : status.kind === 'done'
        ? done
        : status.kind === 'refused'
          ? t('kit.refused', { reason: status.reason })
          : status.kind === 'unreachable'
            ? t('kit.unreachable')
            : '';
  return (
    <p class={`kit-action-message kit-action-${status.kind}`} role="status" aria-live="polite" data-testid={testId} data-status={status.kind}>
      {text}
    </p>
  );
}
