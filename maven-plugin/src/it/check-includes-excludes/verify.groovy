def log = new File(basedir, 'build.log').text
def runs = log.split(/--- baton-maven-plugin:[^ ]+:check/).drop(1)
assert runs.size() == 2
def files = { String run -> (run =~ /\[ERROR\] (\S+?):\d+:\d+: error \[untyped-handoff\]/).collect { it[1] }.sort() }
assert files(runs[0]) == ['src/main/java/com/example/TriagePipeline.java']
assert files(runs[1]) == ['src/main/java/com/example/TriagePipeline.java', 'src/test/java/com/example/TestPipeline.java']
return true
