import { useState } from 'preact/hooks';
import type { Credentials } from '../../api';
import { useI18n } from '../../i18n';
import { Flash } from '../Flash';
import { codeLabel, instantText } from './labels';
import { ListSection } from './ListSection';
import { changeTag } from './profileApi';
import type { TagInfo } from './types';

interface Props {
  customerId: string;
  tags: TagInfo[];
  credentials: Credentials;
  /** May this user add and remove manual tags? Automatic tags are the rules' either way. */
  canTag: boolean;
}

/**
 * Tags with their source: an automatic tag's reason, a manual one's author and time. Manual tags can be added and
 * removed here; the change reaches this view (and every other) through the customer's push, not from the answer.
 */
export function TagsSection({ customerId, tags, credentials, canTag }: Props) {
  const { locale, t } = useI18n();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as what happened, not as words, so that a change of language rewords it.
  const [problem, setProblem] = useState<{ refused: string } | 'failed' | null>(null);

  const run = async (tag: string, add: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await changeTag(customerId, tag, add, credentials);
      if (result.kind === 'refused') setProblem({ refused: result.reason });
      else if (add) setDraft('');
    } catch (error) {
      console.warn(`Changing tag of ${customerId} failed`, error);
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const tag = draft.trim();
    if (tag) void run(tag, true);
  };

  const inputId = `tag-input-${customerId}`;
  // Follows the tags whether there are any or not: the way to add the first one.
  const addAndProblem = (
    <>
      {canTag && (
        <form class="pv-inline-form" onSubmit={submit} data-testid="tag-form">
          <label for={inputId}>{t('profile.tagAddLabel')}</label>
          <input
            id={inputId}
            value={draft}
            maxLength={32}
            autoComplete="off"
            data-testid="tag-input"
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button-primary" disabled={busy || !draft.trim()} data-testid="tag-add">
            {t('profile.tagAdd')}
          </button>
        </form>
      )}
      {problem && (
        <p class="pv-refusal" role="alert" data-testid="tag-message">
          {problem === 'failed' ? t('profile.tagFailed') : t('profile.tagRefused', { reason: problem.refused })}
        </p>
      )}
    </>
  );
  return (
    <ListSection name="tags" title={t('profile.tags')} empty={t('profile.noTags')} count={tags.length} after={addAndProblem}>
      <ul class="pv-tags" data-testid="tags">
        {tags.map((tag) => (
          <li key={tag.code} class={`pv-tag tag-${tag.source}`} data-tag={tag.code} data-source={tag.source}>
            <Flash value={tag.at} class="pv-tag-name">
              {codeLabel(t, 'tag', tag.code)}
            </Flash>
            <span class="pv-tag-source">
              {codeLabel(t, 'tagSource', tag.source)}
              {tag.source === 'manual' && tag.author ? ` · ${t('profile.tagBy', { author: tag.author, time: instantText(tag.at, locale) })}` : ''}
            </span>
            {tag.reason && <span class="pv-tag-reason">{tag.reason.text}</span>}
            {canTag && tag.source === 'manual' && (
              <button
                type="button"
                class="pv-tag-remove"
                disabled={busy}
                aria-label={t('profile.tagRemove', { tag: tag.code })}
                title={t('profile.tagRemove', { tag: tag.code })}
                data-testid={`remove-tag-${tag.code}`}
                onClick={() => void run(tag.code, false)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </ListSection>
  );
}
