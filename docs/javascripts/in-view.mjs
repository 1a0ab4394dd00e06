// Keeping a calculator's answer in view while the reader edits (stylesheets/calculator.css
// pins the headline summary to the bottom of the screen): mark the form while its headline
// results are out of view, and scroll a focused input the summary would cover above it.

export function keepAnswerInView(form) {
  const first = form.querySelector(".tp-out[data-headline]");
  if (first && "IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      ([entry]) => form.toggleAttribute("data-headline-hidden", !entry.isIntersecting),
      { rootMargin: "-56px 0px 0px 0px", threshold: 1 }, // the theme's header covers the top
    );
    observer.observe(first);
  }
  form.addEventListener("focusin", (event) => {
    if (!event.target.name) return;
    requestAnimationFrame(() => {
      const summary = form.querySelector('[data-role="summary"]');
      if (!summary || getComputedStyle(summary).display === "none") return; // not pinned
      const covered =
        event.target.getBoundingClientRect().bottom - summary.getBoundingClientRect().top;
      if (covered > -8) window.scrollBy({ top: covered + 16 });
    });
  });
}
