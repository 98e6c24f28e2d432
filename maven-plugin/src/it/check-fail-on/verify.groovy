def log = new File(basedir, 'build.log').text
def file = 'src/main/java/com/example/TriagePipeline.java'
def findings = log.readLines().findAll { it =~ /^\[WARNING\] \Q${file}\E:\d+:\d+: warning \[untyped-handoff\] / }
// one warning per invocation
assert findings.size() == 2 : "expected the untyped-handoff warning in both invocations, got ${findings}"
assert log.contains('BUILD SUCCESS')
assert log.contains("Baton found 1 contract gap at or above severity 'warning' (baton.failOn)")
return true
