/** A created element with a class and optional text: the page builds its few nodes by hand. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K]
{
    const node = document.createElement(tag);
    if (className !== '')
    {
        node.className = className;
    }
    if (text !== '')
    {
        node.textContent = text;
    }
    return node;
}

export function required<T extends Element>(root: ParentNode, selector: string): T
{
    const node = root.querySelector<T>(selector);
    if (node === null)
    {
        throw new Error(`missing element ${selector}`);
    }
    return node;
}
