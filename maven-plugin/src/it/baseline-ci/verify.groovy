import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Refusing to create the Baton baseline baton-baseline.json in CI (CI=true): 1 finding(s)')
assert log.contains('Baton baseline baton-baseline.json: 1 entry (1 added, 0 stale removed)')
def baseline = new JsonSlurper().parse(new File(basedir, 'baton-baseline.json'))
assert baseline.entries.size() == 1
assert baseline.entries[0].rule == 'untyped-handoff'
assert baseline.entries[0].file == 'src/main/java/com/example/TriagePipeline.java'
assert log =~ /baton: 0 errors, 0 warnings, 0 notes; 0 suppressed, 1 baselined/
assert log.contains('BUILD SUCCESS')
return true
