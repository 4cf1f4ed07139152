import type { ComponentChildren } from 'preact';

interface Props {
  /** The section's name, for styling and tests (`data-section`). */
  name: string;
  title: string;
  /** Said instead of the items when there are none. */
  empty: string;
  count: number;
  children: ComponentChildren;
  /** What follows the items either way (a form to add one). */
  after?: ComponentChildren;
}

/** A titled section of the profile: its items, or a line saying there are none. */
export function ListSection({ name, title, empty, count, children, after }: Props) {
  return (
    <section class="pv-section" data-section={name}>
      <h3>{title}</h3>
      {count === 0 ? <p class="pv-none">{empty}</p> : children}
      {after}
    </section>
  );
}
