import { formatNumber, humanize } from '../format';
import { isMessageKey, type Locale, useI18n } from '../i18n';
import { Flash } from './Flash';

/**
 * Sections and fields this build has no dedicated view for yet (tier, stage, tags, alerts, ...): shown plainly,
 * so that a newer gateway never makes the card fail, and nothing it sends is hidden.
 */
export function ExtraSections({ sections }: { sections: [string, unknown][] }) {
  const { t } = useI18n();
  const present = sections.filter(([, value]) => !isEmpty(value));
  if (present.length === 0) return null;
  return (
    <div class="extras">
      {present.map(([key, value]) => {
        const labelKey = `section.${key}`;
        return (
          <section class="extra" key={key} data-section={key}>
            <h3>{isMessageKey(labelKey) ? t(labelKey) : humanize(key)}</h3>
            <GenericValue value={value} depth={0} />
          </section>
        );
      })}
    </div>
  );
}

/** Extra fields inside a known section (e.g. identity.birthday), as more rows of the same list. */
export function ExtraFields({ fields }: { fields: [string, unknown][] }) {
  return (
    <>
      {fields
        .filter(([, value]) => !isEmpty(value))
        .map(([key, value]) => (
          <div class="fact" key={key}>
            <dt>{humanize(key)}</dt>
            <dd>
              <GenericValue value={value} depth={1} />
            </dd>
          </div>
        ))}
    </>
  );
}

const MAX_DEPTH = 2;

function GenericValue({ value, depth }: { value: unknown; depth: number }) {
  const { locale } = useI18n();
  if (isPrimitive(value)) return <Flash value={value}>{primitiveText(value, locale)}</Flash>;
  if (depth >= MAX_DEPTH) return <code class="raw">{JSON.stringify(value)}</code>;
  if (Array.isArray(value)) {
    if (value.every(isPrimitive)) {
      return (
        <ul class="chips">
          {value.map((item, i) => (
            <li key={i}>{primitiveText(item, locale)}</li>
          ))}
        </ul>
      );
    }
    return (
      <ul class="rows">
        {value.map((item, i) => (
          <li key={i}>
            <GenericValue value={item} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isEmpty(v));
  return (
    <dl class="pairs">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{humanize(k)}</dt>
          <dd>
            <GenericValue value={v} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

type Primitive = string | number | boolean | null | undefined;

function isPrimitive(value: unknown): value is Primitive {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function primitiveText(value: Primitive, locale: Locale): string {
  if (typeof value === 'number') return formatNumber(value, locale, 2);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return value == null ? '—' : String(value);
}

function isEmpty(value: unknown): boolean {
  if (value == null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
