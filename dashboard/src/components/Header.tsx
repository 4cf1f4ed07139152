import type { LiveStatus } from '../live';
import { ConnectionBadge } from './ConnectionBadge';
import { LanguageSwitch } from './LanguageSwitch';

export function Header({ status }: { status: LiveStatus }) {
  return (
    <header class="topbar">
      <h1 class="brand">
        Customer 360 <span lang="zh-CN">客户全景视图</span>
      </h1>
      <div class="topbar-tools">
        <LanguageSwitch />
        <ConnectionBadge status={status} />
      </div>
    </header>
  );
}
