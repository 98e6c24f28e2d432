def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/HalfWritten\.java:\d+:\d+: error \[parse-error\] this file does not parse: \S/ : 'the unparsable file is an error at the parser\'s position'
assert !(log =~ /HalfWritten\.java:1:1:/) : 'not at 1:1'
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/TriagePipeline\.java:16:26: error \[untyped-handoff\]/ : 'the scan went on'
assert log =~ /baton: 2 errors, 0 warnings, 0 notes; 0 suppressed \(/
assert log =~ /Baton found 2 contract gaps \(1 in Java files it could not read: parse-error\)/
assert log.contains('BUILD FAILURE')
return true
