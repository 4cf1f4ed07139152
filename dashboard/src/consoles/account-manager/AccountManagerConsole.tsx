import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { ConsoleShell } from '../../components/ConsoleShell';
import { ProfileView } from '../../components/profile/ProfileView';
import { isNotAllowed } from '../../customers';
import { useTopic } from '../../frames';
import { useI18n } from '../../i18n';
import type { ConsoleProps } from '../ConsoleProps';
import { fetchPortfolio } from './amApi';
import { ContactForm } from './ContactForm';
import { Filters, type Search, SearchBox } from './PortfolioFilters';
import { PortfolioList } from './PortfolioList';
import { byAttention, type LineFilter, matches, noFilter, Portfolio, type PortfolioRow } from './portfolio';
import './account-manager.css';

/**
 * The account manager's console (客户经理): the live portfolio, most in need of attention first, beside the full
 * profile of the customer picked from it.
 */
export function AccountManagerConsole({ workspace, session, account }: ConsoleProps) {
  const { t } = useI18n();
  const { live, credentials } = workspace;
  const topic = session.managerId ? `portfolio:${session.managerId}` : null;
  const followed = useTopic(live, topic, Portfolio.fromSnapshot, (state, kind, message) => state.apply(kind, message));
  const portfolio = followed.state;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [filter, setFilter] = useState<LineFilter>(noFilter);
  const [search, setSearch] = useState<Search | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  // A "look again" notice: read the whole list again and lay it over what pushes have brought since.
  const lookAgain = portfolio?.lookAgain ?? 0;
  useEffect(() => {
    if (!portfolio || lookAgain === 0) return;
    fetchPortfolio(credentials).then(
      (lines) => {
        portfolio.refresh(lines, lookAgain);
        rerender(0);
      },
      (error: unknown) => console.warn('Re-reading the portfolio failed', error),
    );
  }, [portfolio, lookAgain, credentials]);

  const revision = portfolio?.revision ?? -1;
  const all = useMemo(() => (portfolio ? [...portfolio.rows.values()] : []), [portfolio, revision]);
  const tags = useMemo(() => [...new Set(all.flatMap((r) => r.line.tags))].sort(), [all]);
  const rows = useMemo(() => {
    // Search results are a moment's answer; a row the portfolio holds is shown as it is now.
    const source: PortfolioRow[] =
      search?.state.kind === 'shown' ? search.state.lines.map((line) => portfolio?.rows.get(line.customerId) ?? { line, stamp: 0 }) : all;
    return source.filter((r) => matches(r.line, filter)).sort((a, b) => byAttention(a.line, b.line));
  }, [all, search, filter, portfolio]);

  const emptyText = search?.state.kind === 'shown' && search.state.lines.length === 0 ? t('am.searchNone', { q: search.q }) : all.length === 0 ? t('am.empty') : t('am.noMatch');
  // A search's total is the server's count within scope; past its counting cap it is a lower bound ("1000+").
  const total = search?.state.kind === 'shown' ? search.state.total : all.length;
  const atLeast = search?.state.kind === 'shown' && search.state.totalAtLeast;
  return (
    <ConsoleShell live={live} account={account}>
      <div class="am">
        <section class="am-list-pane" aria-labelledby="am-title">
          <div class="am-list-head">
            <h2 id="am-title" class="console-title">
              {search ? t('am.searchResults', { q: search.q }) : t('am.title')}
            </h2>
            {portfolio && (
              <span class="am-count" data-testid="am-count">
                {t(atLeast ? 'am.countAtLeast' : 'am.count', { shown: rows.length, total })}
              </span>
            )}
          </div>
          <SearchBox credentials={credentials} search={search} onSearch={setSearch} />
          <Filters filter={filter} tags={tags} onChange={setFilter} />
          {followed.error ? (
            <p class="am-empty" role="alert">
              {t('am.unavailable', { reason: isNotAllowed(followed.error) ? t('forbiddenTitle') : String(followed.error) })}
            </p>
          ) : !portfolio ? (
            <p class="am-empty">{t('am.loading')}</p>
          ) : search?.state.kind === 'loading' ? (
            <p class="am-empty">{t('am.searching')}</p>
          ) : search?.state.kind === 'error' ? (
            <p class="am-empty" role="alert">
              {t('am.searchFailed')}
            </p>
          ) : (
            <PortfolioList rows={rows} active={active} selected={selected} onActivate={setActive} onSelect={setSelected} emptyText={emptyText} />
          )}
        </section>
        <section class="am-profile-pane" aria-live="off">
          {selected ? (
            <ProfileView key={selected} customerId={selected} live={live} credentials={credentials} canTag>
              <ContactForm customerId={selected} credentials={credentials} />
            </ProfileView>
          ) : (
            <p class="am-placeholder">{t('profile.empty')}</p>
          )}
        </section>
      </div>
    </ConsoleShell>
  );
}
