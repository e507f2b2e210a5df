/** When no child process can be started (no memory, too many processes), the command runs in this one instead. */

import { spawnSync } from "child_process";
import { runWithMallocSetting } from "../../src/cli/mallocSetting";

jest.mock("child_process", () => ({ spawnSync: jest.fn() }));

test("a child that cannot be started gives null: the caller runs the command itself", () => {
  jest.mocked(spawnSync).mockReturnValue({ error: new Error("spawnSync EAGAIN") } as ReturnType<typeof spawnSync>);
  expect(runWithMallocSetting()).toBeNull();
});

test("a child's exit status is the command's, and its environment has the setting and the child mark", () => {
  jest.mocked(spawnSync).mockReturnValue({ status: 2, signal: null } as ReturnType<typeof spawnSync>);
  expect(runWithMallocSetting()).toBe(2);
  const env = jest.mocked(spawnSync).mock.calls.at(-1)![2]!.env!;
  expect(env.MALLOC_MMAP_THRESHOLD_).toBe("1048576");
  expect(env.RFM_MALLOC_CHILD).toBe("1");
});
