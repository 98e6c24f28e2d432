def log = new File(basedir, 'build.log').text
assert !(log =~ /\[untyped-handoff\]/) : 'the suppressed finding is not printed'
assert log =~ /\[INFO\] baton: 0 errors, 0 warnings, 0 notes; 1 suppressed \(/
assert log.contains('BUILD SUCCESS')
return true
