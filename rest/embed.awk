# Turns a text file into a C string constant named by -v name=NAME, so the
# OpenAPI document in docs/ is served byte for byte by ofcd.
BEGIN { printf "/* Generated from docs/openapi.json: do not edit. */\n" }
BEGIN { printf "const char %s[] =\n", name }
{
    gsub(/\\/, "&&")
    gsub(/"/, "\\\"")
    printf "    \"%s\\n\"\n", $0
}
END { printf "    \"\";\n" }
