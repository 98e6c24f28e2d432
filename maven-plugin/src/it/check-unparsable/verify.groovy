def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/HalfWritten\.java:\d+:\d+: error \[baton\] \S/ : 'the unparsable file is named with its position'
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/TriagePipeline\.java:16:26: error \[untyped-handoff\]/ : 'the scan went on'
assert log =~ /baton: 1 error, 0 warnings, 0 notes; 0 suppressed, 1 input problem/
return true
