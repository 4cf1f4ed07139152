import { useRef, useState } from 'preact/hooks';
import type { Credentials } from '../../api';
import { codeLabel } from '../../components/profile/labels';
import { STAGES, TIERS } from '../../components/profile/types';
import { useI18n } from '../../i18n';
import { searchCustomers } from './amApi';
import { type CustomerLine, type LineFilter, noFilter } from './portfolio';

export interface Search {
  q: string;
  state: { kind: 'loading' } | { kind: 'shown'; lines: CustomerLine[]; total: number; totalAtLeast: boolean } | { kind: 'error' };
}

/**
 * Search within the account manager's scope (`GET /api/v1/customers?q=`): the server decides what is in scope,
 * so a customer of another manager is never found. Only the latest search's answer is shown.
 */
export function SearchBox({ credentials, search, onSearch }: { credentials: Credentials; search: Search | null; onSearch: (s: Search | null) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const latest = useRef(0);

  const submit = (e: Event) => {
    e.preventDefault();
    const query = q.trim();
    if (!query) {
      onSearch(null);
      return;
    }
    const request = ++latest.current;
    onSearch({ q: query, state: { kind: 'loading' } });
    searchCustomers(query, credentials).then(
      (answer) => request === latest.current && onSearch({ q: query, state: { kind: 'shown', ...answer } }),
      (error: unknown) => {
        console.warn('Search failed', error);
        if (request === latest.current) onSearch({ q: query, state: { kind: 'error' } });
      },
    );
  };

  const clear = () => {
    latest.current++;
    setQ('');
    onSearch(null);
  };

  return (
    <form class="am-search" role="search" onSubmit={submit} data-testid="am-search">
      <label for="am-search-q" class="visually-hidden">
        {t('am.searchLabel')}
      </label>
      <input
        id="am-search-q"
        type="search"
        value={q}
        placeholder={t('am.searchPlaceholder')}
        autoComplete="off"
        data-testid="am-search-input"
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" class="button-primary" data-testid="am-search-submit">
        {t('am.searchButton')}
      </button>
      {search && (
        <button type="button" class="button-quiet" onClick={clear} data-testid="am-search-clear">
          {t('am.searchClear')}
        </button>
      )}
    </form>
  );
}

/** Narrows the list by tier, stage and tag, on the client over what is shown. */
export function Filters({ filter, tags, onChange }: { filter: LineFilter; tags: readonly string[]; onChange: (f: LineFilter) => void }) {
  const { t } = useI18n();
  const filtered = filter.tier || filter.stage || filter.tag;
  // A tag chosen while some customer had it stays on offer after the last one lost it.
  const tagOptions = filter.tag && !tags.includes(filter.tag) ? [...tags, filter.tag] : tags;
  return (
    <div class="am-filters" data-testid="am-filters">
      <Choice name="tier" label={t('am.filterTier')} value={filter.tier} codes={TIERS} onChange={(tier) => onChange({ ...filter, tier: tier as LineFilter['tier'] })} />
      <Choice name="stage" label={t('am.filterStage')} value={filter.stage} codes={STAGES} onChange={(stage) => onChange({ ...filter, stage: stage as LineFilter['stage'] })} />
      <Choice name="tag" label={t('am.filterTag')} value={filter.tag} codes={tagOptions} onChange={(tag) => onChange({ ...filter, tag })} />
      {filtered && (
        <button type="button" class="button-quiet" onClick={() => onChange(noFilter)} data-testid="am-filter-clear">
          {t('am.clearFilters')}
        </button>
      )}
    </div>
  );
}

/** A labelled choice among domain codes (`profile.{name}.{code}` words), or all of them (the empty value). */
function Choice({ name, label, value, codes, onChange }: { name: string; label: string; value: string; codes: readonly string[]; onChange: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} data-testid={`am-filter-${name}`}>
        <option value="">{t('am.any')}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {codeLabel(t, name, code)}
          </option>
        ))}
      </select>
    </label>
  );
}
