import type { ComponentChildren } from 'preact';
import { LanguageSwitch } from './LanguageSwitch';

/** The top bar of every screen: the product, the language switch, and what the screen adds (connection, user). */
export function Header({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar">
      <h1 class="brand">
        Customer 360 <span lang="zh-CN">客户全景视图</span>
      </h1>
      <div class="topbar-tools">
        <LanguageSwitch />
        {children}
      </div>
    </header>
  );
}
