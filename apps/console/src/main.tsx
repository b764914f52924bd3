import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { resolveEndpoints } from './api/config';
import { initI18n } from './i18n/i18n';
import './styles.css';
// Stylesheets load here, not from components, so specs import components without them.
import './customer/customer.css';

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App endpoints={resolveEndpoints()} />
  </StrictMode>,
);
