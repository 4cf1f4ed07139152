import { useState } from 'preact/hooks';
import { callApi, type Credentials } from '../../api';
import { useI18n } from '../../i18n';

/**
 * Opens Orleans' dashboard in a new tab. A navigation carries no bearer header, so the gateway first sets a
 * short-lived cookie for the dashboard's path only (`POST /api/v1/orleans-dashboard/session`, admins only); the
 * tab is opened before that call, while the click still counts as the user's, or a pop-up blocker would stop it.
 */
export function OrleansDashboardLink({ credentials }: { credentials: Credentials }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    const tab = window.open('about:blank', '_blank');
    const answer = await callApi<{ url: string; expiresAt: string }>('POST', '/api/v1/orleans-dashboard/session', credentials);
    if (!answer.ok) {
      tab?.close();
      setError(t('admin.orleansDashboard.failed', { reason: answer.reason }));
      return;
    }
    if (tab) {
      // The dashboard gets no handle on the console's window.
      tab.opener = null;
      tab.location.href = answer.body.url;
    } else window.location.assign(answer.body.url);
  };
  return (
    <span class="orleans-dashboard-link">
      <button type="button" data-testid="open-orleans-dashboard" onClick={() => void open()}>
        {t('admin.orleansDashboard.open')}
      </button>
      {error && (
        <span role="alert" class="users-notice users-notice-error" data-testid="orleans-dashboard-error">
          {error}
        </span>
      )}
    </span>
  );
}
