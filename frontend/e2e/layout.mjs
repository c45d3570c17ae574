// Layout checks run in the page by the e2e tests.

/**
 * Run in the page: every visible element that lies outside the viewport or whose content is wider than its box
 * (clipped or spilling), and a page that scrolls sideways. The chart's own canvases are the library's.
 */
export function overflowProblems()
{
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
    {
        problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    const name = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const element of document.querySelectorAll('body *'))
    {
        if (element.closest('#chart') !== null || element.closest('[hidden]') !== null)
        {
            continue;
        }
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath !== 'none' || (rect.width === 0 && rect.height === 0))
        {
            continue;
        }
        if (rect.right > width + 1 || rect.left < -1)
        {
            problems.push(`${name(element)} lies outside the viewport (${Math.round(rect.left)}..${Math.round(rect.right)})`);
        }
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
        if (!scrolls && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
        {
            problems.push(`${name(element)} holds ${element.scrollWidth} px in ${element.clientWidth} px: "${(element.value ?? element.textContent).trim().slice(0, 40)}"`);
        }
    }
    return problems;
}
