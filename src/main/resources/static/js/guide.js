// The guide page (templates/guide/item.html): a print button where the browser can print.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print');
  if (button && typeof window.print === 'function') {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
});
