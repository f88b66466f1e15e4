// A value written as JSON the way the sandboxes report a call's return value: plain data only (own
// enumerable keys, arrays by index, no toJSON, non-finite numbers as null, big integers as their
// digits), with references to the built-ins it uses taken when the factory is called, before any
// candidate code runs. The JavaScript sandbox evaluates this factory's source inside QuickJS; the
// Python runner calls it in its own process.

/** Makes `jsonOf(value)`: the JSON text, or a TypeError for a circular value. */
export function plainJsonFactory() {
  const quote = JSON.stringify;
  const isArray = Array.isArray;
  const keys = Object.keys;
  const finite = Number.isFinite;
  const digits = String;
  const TypeErr = TypeError;
  function write(value, parents) {
    if (value === null) return 'null';
    const type = typeof value;
    if (type === 'string') return quote(value);
    if (type === 'number') return finite(value) ? quote(value) : 'null';
    if (type === 'boolean') return value ? 'true' : 'false';
    if (type === 'bigint') return digits(value);
    if (type !== 'object') return undefined;
    for (let up = parents; up !== null; up = up.up)
      if (up.value === value) throw new TypeErr('the value is circular');
    const here = { value: value, up: parents };
    let out = '';
    if (isArray(value)) {
      const length = value.length;
      for (let i = 0; i < length; i++) {
        const item = write(value[i], here);
        out += `${i > 0 ? ',' : ''}${item === undefined ? 'null' : item}`;
      }
      return `[${out}]`;
    }
    const names = keys(value);
    for (let i = 0; i < names.length; i++) {
      const item = write(value[names[i]], here);
      if (item !== undefined) out += `${out === '' ? '' : ','}${quote(names[i])}:${item}`;
    }
    return `{${out}}`;
  }
  return function jsonOf(value) {
    const json = write(value, null);
    return json === undefined ? 'null' : json;
  };
}

export const jsonOf = plainJsonFactory();
