import { useI18n } from '../../i18n';
import { fieldsOf, grants, roles, type UserScope } from './usersApi';

/** Role and the scope fields that role uses, for the new-user form and for editing a user. */
export function ScopeFields({ scope, onChange, prefix }: { scope: UserScope; onChange: (s: UserScope) => void; prefix: string }) {
  const { t } = useI18n();
  const uses = fieldsOf(scope.role);
  const text = (field: 'storeId' | 'managerId' | 'region') => (
    <label class="users-field">
      <span>{t(`users.field.${field}`)}</span>
      <input
        data-testid={`${prefix}-${field}`}
        value={scope[field] ?? ''}
        onInput={(e) => onChange({ ...scope, [field]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <>
      <label class="users-field">
        <span>{t('users.field.role')}</span>
        <select data-testid={`${prefix}-role`} value={scope.role} onChange={(e) => onChange({ ...scope, role: (e.target as HTMLSelectElement).value })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {uses.storeId && text('storeId')}
      {uses.managerId && text('managerId')}
      {uses.region && text('region')}
      {uses.producer && (
        <>
          <fieldset class="users-field users-grants">
            <legend>{t('users.field.grants')}</legend>
            {grants.map((g) => (
              <label key={g}>
                <input
                  type="checkbox"
                  data-testid={`${prefix}-grant-${g}`}
                  checked={scope.grants.includes(g)}
                  onChange={(e) =>
                    onChange({ ...scope, grants: (e.target as HTMLInputElement).checked ? [...scope.grants, g] : scope.grants.filter((x) => x !== g) })
                  }
                />
                {t(`users.grant.${g}`)}
              </label>
            ))}
          </fieldset>
          <label class="users-field">
            <span>{t('users.field.stores')}</span>
            <input
              data-testid={`${prefix}-stores`}
              value={scope.stores.join(', ')}
              onInput={(e) =>
                onChange({
                  ...scope,
                  stores: (e.target as HTMLInputElement).value
                    .split(',')
                    .map((s) => s.trim())
                    .filter((s) => s !== ''),
                })
              }
            />
          </label>
        </>
      )}
    </>
  );
}
