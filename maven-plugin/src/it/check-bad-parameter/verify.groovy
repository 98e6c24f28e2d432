def log = new File(basedir, 'build.log').text
assert log.contains("Invalid Baton configuration: Invalid value for parameter 'failOn' (property baton.failOn): 'fatal'; expected one of error, warning, note, none")
assert log.contains("Invalid Baton configuration: Invalid value for parameter 'formats' (property baton.formats): 'pdf'")
assert log.contains("Invalid Baton configuration: Invalid value for parameter 'profile' (property baton.profile): 'paranoid'; expected default or strict")
return true
