import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import './styles.css';

// Enter in a date box confirms the date; it never submits a half-filled form (the browser's implicit
// submission is the keydown's default action; the date picker's own Enter handling still runs).
document.addEventListener(
  'keydown',
  (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('.ant-picker') && e.target.closest('form')) e.preventDefault();
  },
  true,
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
