/// The memo keys the current task (and the tasks it waits on) are computing: see `TaskMemo`.
enum MemoLoopGuard {
    @TaskLocal static var computing: Set<String> = []
}
