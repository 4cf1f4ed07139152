import { useEffect, useMemo, useRef } from 'preact/hooks';
import { ApiError, callApi, type CustomerLookup, type CustomerProfile, isProfile } from '../../api';
import { CustomerTracker, type CustomerView } from '../../customers';
import { type Locale, type MessageKey, useI18n } from '../../i18n';
import { Observable, useObservable } from '../../observable';
import type { Workspace } from '../../workspace';
import type { ProfileView } from './types';

export interface LiveProfile {
  status: CustomerView['status'];
  profile: ProfileView | null;
}

/** What a console with no customer chosen watches. */
const nothing = new Observable<CustomerView>({ id: '', status: 'loading', profile: null, version: null });

/** `?lang=` as the gateway reads it. */
export const apiLanguage = (locale: Locale) => (locale === 'zh-CN' ? 'zh' : 'en');

/**
 * One customer's profile, live (`customer:{id}`: each notice fetches the newer version), with its reasons in
 * the page's language: a change of language reads it again. Null id: nothing.
 */
export function useLiveProfile(workspace: Workspace, customerId: string | null): LiveProfile {
  const { locale } = useI18n();
  const tracker = useMemo(() => {
    if (!customerId) return null;
    const lang = apiLanguage(locale);
    const fetch = async (id: string): Promise<CustomerLookup> => {
      const answer = await callApi<unknown>('GET', `/api/v1/customers/${encodeURIComponent(id)}`, workspace.credentials, { lang });
      if (answer.ok && isProfile(answer.body)) return { kind: 'found', profile: answer.body as CustomerProfile };
      if (!answer.ok && answer.status === 404) return { kind: 'notFound' };
      if (!answer.ok && answer.status === 403) return { kind: 'forbidden' };
      throw new ApiError(answer.ok ? 'not a profile' : answer.reason, answer.ok ? undefined : answer.status);
    };
    return new CustomerTracker(customerId, workspace.live, fetch, { profileFromSnapshot: false });
  }, [workspace, customerId, locale]);
  useEffect(() => () => tracker?.dispose(), [tracker]);
  const view = useObservable(tracker?.view ?? nothing);
  // While a change of language reads the profile again, the one on screen stays (and the forms under it with
  // what was typed in them), rather than a moment of "loading".
  const last = useRef<ProfileView | null>(null);
  const profile = tracker ? (view.profile as unknown as ProfileView | null) : null;
  if (profile) last.current = profile;
  if (!profile && view.status === 'loading' && last.current?.customerId === customerId) return { status: 'found', profile: last.current };
  return { status: view.status, profile };
}

/** In place of a profile not (yet) shown: loading, not allowed, not registered, or the service not answering. */
export function ProfileMissing({ status }: { status: LiveProfile['status'] }) {
  const { t } = useI18n();
  const message: MessageKey =
    status === 'forbidden' ? 'kit.notAllowedCustomer' : status === 'notFound' ? 'kit.customerNotFound' : status === 'error' ? 'kit.customerError' : 'loading';
  return (
    <p class="kit-empty" aria-busy={status === 'loading'}>
      {t(message)}
    </p>
  );
}
