import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage } from '../i18n/i18n';

export function LanguageSwitch(): ReactNode {
  const { i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label="language" data-testid="language-switch">
      {LANGUAGES.map((l) => (
        <button key={l} type="button" className={i18n.language === l ? 'active' : ''} aria-pressed={i18n.language === l} onClick={() => switchLanguage(l)}>
          {l === 'zh' ? '中文' : 'EN'}
        </button>
      ))}
    </div>
  );
}
