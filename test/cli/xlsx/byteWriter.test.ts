/** ByteWriter.copyFrom copies exactly the bytes asked for, four at a time or one by one, into a writer that grows. */

import fc from "fast-check";
import { ByteWriter, viewOf } from "../../../src/cli/xlsx/byteWriter";

test("copyFrom appends exactly src[from, to), whatever the lengths, offsets and the writer's room", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 0, maxLength: 80 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 16 }),
      fc.integer({ min: 0, max: 7 }),
      (bytes, ranges, capacity, offset) => {
        // The source as a view at an odd place in a larger buffer, as a block of a file is.
        const backing = new Uint8Array(bytes.length + offset);
        backing.set(bytes, offset);
        const src = backing.subarray(offset);
        const out = new ByteWriter(capacity);
        out.bytes(Uint8Array.of(7)); // the writer already holds something: copies start at an odd place too
        const expected: number[] = [7];
        for (const [a, b] of ranges) {
          const from = bytes.length === 0 ? 0 : a % (bytes.length + 1);
          const to = from + (bytes.length === 0 ? 0 : b % (bytes.length - from + 1));
          out.copyFrom(src, viewOf(src), from, to);
          expected.push(...bytes.subarray(from, to));
        }
        expect([...out.buf.subarray(0, out.at)]).toEqual(expected);
      },
    ),
    { numRuns: 2000 },
  );
});
