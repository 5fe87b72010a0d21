package io.team365.companies;

import java.util.List;

/** One page of companies and the cursor of the next page (null on the last). */
public record CompanyPage(List<Company> companies, String nextCursor) {}
