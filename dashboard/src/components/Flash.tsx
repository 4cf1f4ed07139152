import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Counts how often `value` has changed since the first render (by content, so a re-sent equal value is no change). */
function useChangeCount(value: unknown): number {
  const key = comparable(value);
  const last = useRef(key);
  const count = useRef(0);
  if (key !== last.current) {
    last.current = key;
    count.current++;
  }
  return count.current;
}

function comparable(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

interface FlashProps {
  /** The raw value: a change of language reformats the text but is not a change of value. */
  value: unknown;
  children: ComponentChildren;
  class?: string;
  testId?: string;
  as?: 'span' | 'dd' | 'div' | 'strong';
}

/** Renders its children and briefly highlights them (CSS animation `flash`) whenever `value` changes. */
export function Flash({ value, children, class: className, testId, as: Tag = 'span' }: FlashProps) {
  const changes = useChangeCount(value);
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || changes === 0) return;
    // Restart the animation even if the previous one is still running: drop the class, force a style
    // flush, add it back. The class is managed here only, so Preact's own class prop never fights it.
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
  }, [changes]);
  return (
    <Tag
      ref={ref as never}
      class={className}
      data-testid={testId}
      onAnimationEnd={(e: AnimationEvent) => (e.currentTarget as HTMLElement).classList.remove('flash')}
    >
      {children}
    </Tag>
  );
}
